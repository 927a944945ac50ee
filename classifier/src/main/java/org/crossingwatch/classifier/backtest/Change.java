package org.crossingwatch.classifier.backtest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A post whose alert changed with the candidate rules: gained (alerts only after) or lost (alerted
 * only before).
 *
 * @param postKey the post
 * @param text the post's text
 * @param scoreBefore its score with the live or baseline rules
 * @param scoreAfter its score with the candidate rules
 * @param truth whether it is an offer, when known
 * @param rulesAdded rules that match only with the candidate set
 * @param rulesRemoved rules that matched only with the live or baseline set
 */
public record Change(
    String postKey,
    String text,
    double scoreBefore,
    double scoreAfter,
    Optional<Boolean> truth,
    List<String> rulesAdded,
    List<String> rulesRemoved) {
  public Change {
    requireNonNull(postKey, "postKey");
    requireNonNull(text, "text");
    requireNonNull(truth, "truth");
    rulesAdded = List.copyOf(rulesAdded);
    rulesRemoved = List.copyOf(rulesRemoved);
  }
}

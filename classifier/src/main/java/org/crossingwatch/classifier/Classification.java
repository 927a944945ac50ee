package org.crossingwatch.classifier;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.crossingwatch.model.Verdict;

/**
 * A verdict with its evidence in the text: the spans of the original post each matched rule hit.
 *
 * @param verdict the verdict, as {@link Classifier#classify} returns it
 * @param spans matched spans ordered by position; a rule whose query has no positions (a regexp,
 *     say) may have none
 */
public record Classification(Verdict verdict, List<MatchedSpan> spans) {
  public Classification {
    requireNonNull(verdict, "verdict");
    spans = List.copyOf(spans);
  }
}

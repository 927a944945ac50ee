package org.crossingwatch.classifier;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossingwatch.model.Verdict;

/**
 * A verdict with its evidence: the spans of the original post each matched rule hit, and the
 * feature values the score was computed from.
 *
 * @param verdict the verdict, as {@link Classifier#classify} returns it
 * @param spans matched spans ordered by position; a rule whose query has no positions (a regexp,
 *     say) may have none
 * @param features every feature of {@link org.crossingwatch.classifier.scoring.Features} with its
 *     value for this post, in that order
 */
public record Classification(
    Verdict verdict, List<MatchedSpan> spans, Map<String, Double> features) {
  public Classification {
    requireNonNull(verdict, "verdict");
    spans = List.copyOf(spans);
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }
}

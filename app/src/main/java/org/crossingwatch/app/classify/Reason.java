package org.crossingwatch.app.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossingwatch.classifier.Classification;
import org.crossingwatch.classifier.MatchedSpan;
import org.crossingwatch.model.RuleHit;

/**
 * Why a post scored as it did, one matched rule at a time.
 *
 * @param ruleId the rule
 * @param category its category
 * @param contribution what it added to the log-odds: its category's contribution if it is the
 *     strongest rule of that category (the one the model counted), else 0
 * @param spans where it matched in the original text
 */
record Reason(String ruleId, String category, double contribution, List<MatchedText> spans) {

  /**
   * A matched stretch of the original text.
   *
   * @param start first char (UTF-16 offset)
   * @param end after the last char
   * @param text the original text in between
   */
  record MatchedText(int start, int end, String text) {}

  /** One reason per rule hit, in hit order. */
  static List<Reason> of(Classification classification) {
    Map<String, Double> contributions = classification.verdict().contributions();
    Map<String, Double> strongest = new java.util.HashMap<>();
    for (RuleHit hit : classification.verdict().hits()) {
      strongest.merge(hit.category(), hit.weight(), (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
    }
    Set<String> counted = new HashSet<>();
    List<Reason> reasons = new ArrayList<>();
    for (RuleHit hit : classification.verdict().hits()) {
      double contribution = 0.0;
      if (hit.weight() == strongest.get(hit.category()) && counted.add(hit.category())) {
        contribution = contributions.getOrDefault(hit.category(), 0.0);
      }
      List<MatchedText> spans = new ArrayList<>();
      for (MatchedSpan span : classification.spans()) {
        if (span.ruleId().equals(hit.ruleId())) {
          spans.add(new MatchedText(span.start(), span.end(), span.text()));
        }
      }
      reasons.add(new Reason(hit.ruleId(), hit.category(), contribution, List.copyOf(spans)));
    }
    return List.copyOf(reasons);
  }
}

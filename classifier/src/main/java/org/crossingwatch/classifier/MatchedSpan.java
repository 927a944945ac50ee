package org.crossingwatch.classifier;

import static java.util.Objects.requireNonNull;

/**
 * A part of a post's original text that a rule matched, for highlighting.
 *
 * @param ruleId the rule that matched
 * @param start first char in the post's original text (inclusive, UTF-16 index)
 * @param end last char (exclusive)
 * @param text the original text between {@code start} and {@code end}
 */
public record MatchedSpan(String ruleId, int start, int end, String text) {
  public MatchedSpan {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "span of rule "
              + ruleId
              + " must have 0 <= start <= end, was ["
              + start
              + ", "
              + end
              + ")");
    }
  }
}

package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.requiredText;

/**
 * A stretch of the post's original text that a rule matched, for highlighting and evidence.
 *
 * @param ruleId the rule that matched here
 * @param category that rule's category
 * @param start offset of the first character, in UTF-16 units of {@link Post#text()}
 * @param end offset after the last character
 */
public record Span(String ruleId, String category, int start, int end) {
  public Span {
    requiredText(ruleId, "Span", "ruleId");
    requiredText(category, "Span", "category");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "Span of rule " + ruleId + " must have 0 <= start <= end, was " + start + ".." + end);
    }
  }
}

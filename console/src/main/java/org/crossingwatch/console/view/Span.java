package org.crossingwatch.console.view;

/**
 * A matched stretch of the post's original text, as the classifier reports it in {@code
 * verdict.spans}.
 *
 * @param start first UTF-16 index, inclusive
 * @param end last UTF-16 index, exclusive
 * @param ruleId the rule that matched there
 * @param category that rule's category
 */
public record Span(int start, int end, String ruleId, String category) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "Span must have 0 <= start <= end, was [" + start + ", " + end + ")");
    }
    ruleId = ruleId == null ? "" : ruleId;
    category = category == null ? "" : category;
  }
}

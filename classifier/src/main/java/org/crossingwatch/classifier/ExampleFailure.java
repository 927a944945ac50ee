package org.crossingwatch.classifier;

import static java.util.Objects.requireNonNull;

/**
 * A rule example that does not behave as its rule file says.
 *
 * @param ruleId the rule
 * @param example the example text
 * @param shouldMatch true for an {@code examples.match} text the rule missed, false for an {@code
 *     examples.no_match} text the rule matched
 */
public record ExampleFailure(String ruleId, String example, boolean shouldMatch) {
  public ExampleFailure {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(example, "example");
  }

  /** For example {@code rule fr.crossing.passage should match 'passage en Angleterre'}. */
  @Override
  public String toString() {
    return "rule "
        + ruleId
        + (shouldMatch ? " should match '" : " should not match '")
        + example
        + "'";
  }
}

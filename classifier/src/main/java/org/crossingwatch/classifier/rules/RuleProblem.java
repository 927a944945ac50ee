package org.crossingwatch.classifier.rules;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One mistake in a rule file.
 *
 * @param source the file (as given to the loader) or source name
 * @param line 1-based line in the file
 * @param column 1-based column in the file
 * @param ruleId the rule it concerns, when known
 * @param message what is wrong, quoting the bad value
 */
public record RuleProblem(
    String source, int line, int column, Optional<String> ruleId, String message) {

  public RuleProblem {
    requireNonNull(source, "source");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(message, "message");
  }

  /** {@code source:line:column: rule id: message}, without the rule part when the id is unknown. */
  @Override
  public String toString() {
    return source
        + ":"
        + line
        + ":"
        + column
        + ": "
        + ruleId.map(id -> "rule " + id + ": ").orElse("")
        + message;
  }
}

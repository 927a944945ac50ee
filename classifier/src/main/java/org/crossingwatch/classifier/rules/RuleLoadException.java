package org.crossingwatch.classifier.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rule files that could not be loaded. The message lists every problem found, one per line, each as
 * {@code file:line:column: rule id: what is wrong}; {@link #problems()} has them as values.
 */
public final class RuleLoadException extends Exception {
  private final List<RuleProblem> problems;

  RuleLoadException(List<RuleProblem> problems) {
    super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a RuleLoadException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order; never empty. */
  public List<RuleProblem> problems() {
    return problems;
  }
}

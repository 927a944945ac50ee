package org.crossingwatch.classifier.rules.lint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.ExampleFailure;
import org.crossingwatch.model.Rule;

/**
 * Runs every rule's {@code examples}: each {@code match} text must match its rule and each {@code
 * no_match} text must not. A failure comes with the rule's query and the example's analysed tokens,
 * which is what the query was matched against. Thread-safe: no state between calls.
 */
public final class RuleTester {
  private RuleTester() {}

  /**
   * One example that does not behave as its rule says.
   *
   * @param failure the rule, the example and whether it should have matched
   * @param query the rule's query as written
   * @param tokens the example after normalisation and analysis
   */
  public record Failure(ExampleFailure failure, String query, List<String> tokens) {
    public Failure {
      requireNonNull(failure, "failure");
      requireNonNull(query, "query");
      tokens = List.copyOf(tokens);
    }

    /**
     * For example {@code rule en.boat should match 'Boat to Italy'; tokens [boat, to, italy]; query
     * "boat to greece"}.
     */
    @Override
    public String toString() {
      return failure + "; tokens " + tokens + "; query " + query;
    }
  }

  /**
   * Checks the examples of every rule.
   *
   * @param rules a rule set, for example from {@link
   *     org.crossingwatch.classifier.rules.RulePackLoader}
   * @return the failures in rule order; empty when every example holds
   */
  public static List<Failure> test(List<Rule> rules) {
    requireNonNull(rules, "rules");
    Map<String, Rule> byId =
        rules.stream().collect(Collectors.toMap(Rule::id, Function.identity(), (a, b) -> a));
    try (Classifier classifier = Classifier.fromRules(rules)) {
      return classifier.exampleFailures().stream()
          .map(
              f -> {
                Rule rule = byId.get(f.ruleId());
                return new Failure(f, rule.query(), Analysis.tokens(f.example(), rule.language()));
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Closing the in-memory rule index failed", e);
    }
  }
}

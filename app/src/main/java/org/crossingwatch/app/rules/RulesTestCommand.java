package org.crossingwatch.app.rules;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.rules.lint.RuleLinter;
import org.crossingwatch.classifier.rules.lint.RuleTester;
import org.crossingwatch.model.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch rules test [PATHS]}: checks every rule's examples and lists each failure
 * with the example's analysed tokens and the rule's query; exits 1 on a failure or a rule file that
 * does not load.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description =
        "Checks that every rule matches its examples.match and not its examples.no_match.")
public final class RulesTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RulePaths rulePaths;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Rule> rules;
    try {
      rules = RulePackLoader.parse(RuleLinter.sources(rulePaths.paths()));
    } catch (RuleLoadException e) {
      out.println(e.getMessage());
      out.println("Rules did not load; run 'crossingwatch rules lint' for details");
      out.flush();
      return 1;
    }
    List<RuleTester.Failure> failures = RuleTester.test(rules);
    failures.forEach(out::println);
    int examples =
        rules.stream().mapToInt(r -> r.shouldMatch().size() + r.shouldNotMatch().size()).sum();
    out.printf(
        "%d rules, %d examples: %s%n",
        rules.size(), examples, failures.isEmpty() ? "all hold" : failures.size() + " failed");
    out.flush();
    return failures.isEmpty() ? 0 : 1;
  }
}

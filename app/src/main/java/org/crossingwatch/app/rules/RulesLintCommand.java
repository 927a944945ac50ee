package org.crossingwatch.app.rules;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crossingwatch.classifier.rules.RuleProblem;
import org.crossingwatch.classifier.rules.lint.RuleLinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch rules lint [PATHS]}: prints every problem as {@code file:line:column: rule
 * id: message} and exits 1 when there is one, so it can gate an analysts' CI.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description =
        "Checks rule files: YAML, fields, ids, categories, weights, query syntax and analysis.")
public final class RulesLintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RulePaths rulePaths;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> sources = RuleLinter.sources(rulePaths.paths());
    List<RuleProblem> problems = RuleLinter.lint(sources);
    problems.forEach(out::println);
    if (problems.isEmpty()) {
      out.printf("OK: %d rule files, no problems%n", sources.size());
    } else {
      out.printf("%d problems in %d rule files%n", problems.size(), sources.size());
    }
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }
}

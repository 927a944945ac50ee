package org.crossingwatch.app.rules;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crossingwatch.app.ClusterOption;
import org.crossingwatch.app.process.RulePublisher;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.rules.RuleProblem;
import org.crossingwatch.classifier.rules.lint.RuleLinter;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch rules push [PATHS] -b HOST:PORT}: lints the rule set (and refuses it with
 * exit code 1 on any problem), shows the diff against the live set on {@code cw.rules} and, after
 * the analyst answers {@code y} (or with {@code --yes}), publishes it: changed and added rules as
 * upserts, removed ones as tombstones. {@code --dry-run} only shows the diff.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = "Shows the diff against the live rules on cw.rules and publishes the rule set.")
public final class RulesPushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RulePaths rulePaths;

  @Mixin ClusterOption cluster;

  @Option(
      names = {"-y", "--yes"},
      description = "Publish without asking (for scripts).")
  boolean yes;

  @Option(
      names = {"-n", "--dry-run"},
      description = "Only show the diff; publish nothing.")
  boolean dryRun;

  private final InputStream answers;

  /** Reads the confirmation from standard input. */
  public RulesPushCommand() {
    this(System.in);
  }

  RulesPushCommand(InputStream answers) {
    this.answers = answers;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> sources = RuleLinter.sources(rulePaths.paths());
    List<RuleProblem> problems = RuleLinter.lint(sources);
    if (!problems.isEmpty()) {
      problems.forEach(out::println);
      out.printf(
          "Refusing to push: the rule set has %d lint problems; nothing was published%n",
          problems.size());
      out.flush();
      return 1;
    }
    List<Rule> rules;
    try {
      rules = RulePackLoader.parse(sources);
    } catch (RuleLoadException e) {
      throw new IllegalStateException("lint passed but the rules did not load", e);
    }
    RulePublisher publisher = new RulePublisher(cluster.bootstrapServers());
    Map<String, String> live = publisher.liveRules();
    RuleSetDiff diff = RuleSetDiff.of(live, rules);
    out.printf(
        "Diff against %s on %s (live %d rules, candidate %d rules):%n",
        Topics.RULES, cluster.bootstrapServers(), live.size(), rules.size());
    diff.added().forEach(id -> out.println("  + " + id));
    diff.changed().forEach(id -> out.println("  ~ " + id));
    diff.removed().forEach(id -> out.println("  - " + id));
    out.printf(
        "%d added, %d changed, %d removed%n",
        diff.added().size(), diff.changed().size(), diff.removed().size());
    if (diff.isEmpty()) {
      out.println("Nothing to push: the live rule set is already this one");
      out.flush();
      return 0;
    }
    if (dryRun) {
      out.println("Dry run: nothing was published");
      out.flush();
      return 0;
    }
    if (!yes && !confirmed(out)) {
      out.println("Not confirmed: nothing was published");
      out.flush();
      return 1;
    }
    RulePublisher.Published published = publisher.publish(rules);
    out.printf(
        "Published to %s: %d upserted, %d tombstoned%n",
        Topics.RULES, published.upserted().size(), published.deleted().size());
    out.flush();
    return 0;
  }

  private boolean confirmed(PrintWriter out) throws IOException {
    out.print("Publish these changes? [y/N] ");
    out.flush();
    // Not closed: closing would close standard input for the rest of the JVM.
    BufferedReader reader = new BufferedReader(new InputStreamReader(answers, UTF_8));
    String answer = reader.readLine();
    return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
  }
}

package org.crossingwatch.app.rules;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.crossingwatch.app.Home;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.backtest.Backtest;
import org.crossingwatch.classifier.backtest.BacktestCase;
import org.crossingwatch.classifier.backtest.BacktestReport;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.rules.lint.RuleLinter;
import org.crossingwatch.model.Topics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch rules backtest [PATHS] (--since 7d -b HOST:PORT | --input labelled.jsonl)}:
 * re-scores history or a labelled corpus with the candidate rules and prints alerts gained and
 * lost, precision and recall before and after, overall, per language and per category. Against the
 * cluster, "before" is each post's live verdict on {@code cw.posts.scored} and the truth is the
 * officers' latest decision on {@code cw.feedback}; against a corpus, "before" is the {@code
 * --baseline} rules (default: the installation's rules/) and the truth is the labels. Progress goes
 * to standard error; {@code --html} also writes a self-contained report.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = "Shows what a candidate rule set would change, against history or a corpus.")
public final class RulesBacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RulePaths rulePaths;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = {"-s", "--since"},
        paramLabel = "WINDOW",
        converter = WindowConverter.class,
        description = "Backtest the posts scored in this window on the cluster: 7d, 12h, P7D.")
    Duration since;

    @Option(
        names = {"-i", "--input"},
        paramLabel = "FILE",
        description = "Backtest a labelled JSONL corpus instead of the cluster's history.")
    Path input;
  }

  @Option(
      names = {"-b", "--bootstrap-servers"},
      description = "The Kafka cluster, HOST:PORT[,...]; needed with --since.")
  String bootstrapServers;

  @Option(
      names = {"--baseline"},
      paramLabel = "PATH",
      description =
          "With --input: the rules to compare with (default: rules/ of the installation).")
  Path baseline;

  @Option(
      names = {"--html"},
      paramLabel = "FILE",
      description = "Also write a self-contained HTML report with charts to FILE.")
  Path html;

  @Option(
      names = {"-e", "--examples"},
      defaultValue = "10",
      description = "How many gained and lost alerts to list (default: ${DEFAULT-VALUE}).")
  int examples;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> paths = rulePaths.paths();
    if (examples < 0) {
      throw new ParameterException(spec.commandLine(), "--examples must be >= 0, was " + examples);
    }
    if (source.since != null && bootstrapServers == null) {
      throw new ParameterException(spec.commandLine(), "--since needs --bootstrap-servers");
    }
    if (source.input != null && !Files.isRegularFile(source.input)) {
      throw new ParameterException(
          spec.commandLine(), "Input file not found: '" + source.input + "'");
    }
    Path baselinePath = baseline != null ? baseline : Home.dir().resolve("rules");
    String rules = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    List<BacktestCase> cases;
    String title;
    if (source.input != null) {
      cases = BacktestCases.fromCorpus(source.input, err);
      title = rules + " against " + source.input + " (baseline " + baselinePath + ")";
    } else {
      cases = BacktestCases.fromCluster(bootstrapServers, clock.instant().minus(source.since), err);
      title = rules + " against " + Topics.POSTS_SCORED + " of the last " + source.since;
    }
    BacktestReport report;
    try (Classifier candidate =
            Classifier.fromRules(RulePackLoader.parse(RuleLinter.sources(paths)));
        Classifier before =
            source.input != null
                ? Classifier.fromRules(RulePackLoader.load(baselinePath))
                : Classifier.fromRules(List.of())) {
      report = Backtest.run(cases, before, candidate, progress(err, cases.size()));
    } catch (RuleLoadException e) {
      out.println(e.getMessage());
      out.println("Rules did not load; nothing was backtested");
      out.flush();
      return 1;
    }
    out.printf(Locale.ROOT, "Backtest of %s: %d posts%n", title, cases.size());
    BacktestPrinter.print(out, report, examples);
    if (html != null) {
      Files.writeString(html, BacktestHtml.render(report, title, examples), UTF_8);
      out.printf("HTML report: %s%n", html);
    }
    out.flush();
    return 0;
  }

  /** Prints "N of M posts re-scored" about every tenth of the way and at the end. */
  private static IntConsumer progress(PrintWriter err, int total) {
    int step = Math.max(1, total / 10);
    return done -> {
      if (done % step == 0 || done == total) {
        err.printf(Locale.ROOT, "%d of %d posts re-scored%n", done, total);
        err.flush();
      }
    };
  }
}

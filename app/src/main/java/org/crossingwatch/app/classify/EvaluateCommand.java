package org.crossingwatch.app.classify;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.crossingwatch.classifier.Classification;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.evaluation.LabelledCorpus;
import org.crossingwatch.classifier.evaluation.LabelledPost;
import org.crossingwatch.classifier.evaluation.QualityReport;
import org.crossingwatch.classifier.rules.RuleLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch evaluate --input labelled.jsonl}: scores labelled posts and prints
 * precision, recall and F1 overall, per language and per kind, then every false positive and false
 * negative with its score and reasons. {@code --markdown} prints only the tables, as Markdown.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Measures precision, recall and F1 on a labelled JSONL file.")
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClassifierOptions classifierOptions;

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description = "Labelled posts: id, text, label 1/0, optional lang, kind and obfuscated.")
  Path input;

  @Option(
      names = {"--markdown"},
      description = "Print only the metric tables, as Markdown (for BENCHMARKS.md).")
  boolean markdown;

  @Override
  public Integer call() throws IOException {
    ClassifierOptions.existingFile(spec, input);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LabelledCorpus corpus = LabelledCorpus.read(input);
    corpus.problems().forEach(problem -> err.println(problem + "; skipped"));
    List<QualityReport.Outcome> outcomes = new ArrayList<>();
    List<Classification> classifications = new ArrayList<>();
    double threshold;
    try (Classifier classifier = classifierOptions.classifier()) {
      threshold = classifier.settings().alertThreshold();
      for (LabelledPost post : corpus.posts()) {
        Classification classification = classifier.explain(post.toPost());
        classifications.add(classification);
        outcomes.add(new QualityReport.Outcome(post, classification.verdict()));
      }
    } catch (RuleLoadException e) {
      err.println("Rules did not load:\n" + e.getMessage());
      return 2;
    }
    QualityReport report = QualityReport.of(outcomes);
    if (markdown) {
      out.print(report.markdown());
      out.flush();
      return 0;
    }
    QualityReport.Metrics all = report.overall();
    out.printf(
        Locale.ROOT,
        "%d posts, %d offers, threshold %.2f: precision %s, recall %s, F1 %s%n",
        all.posts(),
        all.offers(),
        threshold,
        QualityReport.format(all.precision()),
        QualityReport.format(all.recall()),
        QualityReport.format(all.f1()));
    out.printf(
        Locale.ROOT,
        "hard negatives flagged: %d of %d (%s); obfuscated offers found: %d of %d (recall %s)%n%n",
        report.hardNegatives().falsePositives(),
        report.hardNegatives().posts(),
        QualityReport.format(report.hardNegatives().flaggedNegatives()),
        report.obfuscatedOffers().truePositives(),
        report.obfuscatedOffers().offers(),
        QualityReport.format(report.obfuscatedOffers().recall()));
    out.print(report.markdown());
    mistakes(out, "False positives", report.falsePositives(), outcomes, classifications);
    mistakes(out, "False negatives", report.falseNegatives(), outcomes, classifications);
    out.flush();
    return 0;
  }

  private static void mistakes(
      PrintWriter out,
      String title,
      List<QualityReport.Outcome> mistakes,
      List<QualityReport.Outcome> outcomes,
      List<Classification> classifications) {
    out.printf(Locale.ROOT, "%n%s (%d)%n", title, mistakes.size());
    for (QualityReport.Outcome mistake : mistakes) {
      Classification classification = classifications.get(outcomes.indexOf(mistake));
      String reasons =
          Reason.of(classification).stream()
              .map(r -> String.format(Locale.ROOT, "%s %+.2f", r.ruleId(), r.contribution()))
              .collect(Collectors.joining(", "));
      out.printf(
          Locale.ROOT,
          "  %s [%s] score %.3f: %s%n    %s%n",
          mistake.post().id(),
          mistake.post().kind().orElse("?"),
          mistake.verdict().score(),
          reasons.isEmpty() ? "no rule matched" : reasons,
          oneLine(mistake.post().text()));
    }
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
  }
}

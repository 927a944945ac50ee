package org.crossingwatch.app.rules;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.crossingwatch.classifier.backtest.BacktestReport;
import org.crossingwatch.classifier.backtest.Change;
import org.crossingwatch.classifier.backtest.Quality;

/** A backtest report as plain text: totals, per-language and per-category tables, examples. */
final class BacktestPrinter {
  private BacktestPrinter() {}

  static void print(PrintWriter out, BacktestReport report, int examples) {
    out.printf(
        Locale.ROOT,
        "%-8s %6s %6s %4s %4s %4s %9s %6s%n",
        "",
        "posts",
        "alerts",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall");
    line(out, "before", report.before());
    line(out, "after", report.after());
    out.printf(
        Locale.ROOT, "%d alerts gained, %d lost%n", report.gained().size(), report.lost().size());
    table(out, "Per language", report.byLanguage());
    table(out, "Per category", report.byCategory());
    changes(out, "Gained", report.gained(), examples);
    changes(out, "Lost", report.lost(), examples);
  }

  /** A ratio with three decimals, or {@code –} when undefined. */
  static String ratio(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static void line(PrintWriter out, String name, Quality q) {
    out.printf(
        Locale.ROOT,
        "%-8s %6d %6d %4d %4d %4d %9s %6s%n",
        name,
        q.posts(),
        q.alerts(),
        q.truePositives(),
        q.falsePositives(),
        q.falseNegatives(),
        ratio(q.precision()),
        ratio(q.recall()));
  }

  private static void table(PrintWriter out, String title, List<BacktestReport.Row> rows) {
    out.printf("%n%s%n", title);
    out.println(
        "| group | posts | alerts before | alerts after | precision before | precision after"
            + " | recall before | recall after |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (BacktestReport.Row row : rows) {
      out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d | %s | %s | %s | %s |%n",
          row.group(),
          row.after().posts(),
          row.before().alerts(),
          row.after().alerts(),
          ratio(row.before().precision()),
          ratio(row.after().precision()),
          ratio(row.before().recall()),
          ratio(row.after().recall()));
    }
  }

  private static void changes(PrintWriter out, String title, List<Change> changes, int examples) {
    out.printf(
        Locale.ROOT,
        "%n%s alerts (%d%s)%n",
        title,
        changes.size(),
        changes.size() > examples ? ", first " + examples : "");
    for (Change c : changes.stream().limit(examples).toList()) {
      out.printf(
          Locale.ROOT,
          "  %s %.3f -> %.3f %s%s%s%n    %s%n",
          c.postKey(),
          c.scoreBefore(),
          c.scoreAfter(),
          truth(c),
          c.rulesAdded().isEmpty() ? "" : " +" + String.join(" +", c.rulesAdded()),
          c.rulesRemoved().isEmpty() ? "" : " -" + String.join(" -", c.rulesRemoved()),
          oneLine(c.text()));
    }
  }

  static String truth(Change c) {
    return c.truth().map(t -> t ? "[offer]" : "[not an offer]").orElse("[undecided]");
  }

  static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
  }
}

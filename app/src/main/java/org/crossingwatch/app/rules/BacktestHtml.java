package org.crossingwatch.app.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.crossingwatch.classifier.backtest.BacktestReport;
import org.crossingwatch.classifier.backtest.Change;
import org.crossingwatch.classifier.backtest.Quality;
import org.jsoup.nodes.Entities;

/**
 * A backtest report as one self-contained HTML file: inline CSS and SVG charts (score distributions
 * before and after, precision and recall per language), the tables and the gained and lost alerts.
 * No script, no external resource; every text from posts, rules or files is escaped.
 */
final class BacktestHtml {
  private static final int BINS = 10;
  private static final String BEFORE = "#9aa5b1";
  private static final String AFTER = "#0b5cad";

  private BacktestHtml() {}

  /**
   * @param title what was backtested, for example {@code rules/ against data/corpus/dev.jsonl}
   * @param examples how many gained and lost alerts to list
   */
  static String render(BacktestReport report, String title, int examples) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Rule backtest: ")
        .append(esc(title))
        .append("</title>\n<style>\n")
        .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d2228;max-width:70em}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #d8dde3;")
        .append("padding:.2em .6em;text-align:right}td:first-child,th:first-child{text-align:left}")
        .append(".key span{display:inline-block;width:1em;height:1em;margin:0 .3em 0 1em}")
        .append(".text{unicode-bidi:plaintext;white-space:pre-line;color:#333}")
        .append("\n</style>\n</head>\n<body>\n<h1>Rule backtest</h1>\n<p>")
        .append(esc(title))
        .append("</p>\n<p class=\"key\"><span style=\"background:")
        .append(BEFORE)
        .append("\"></span>before (live or baseline rules)<span style=\"background:")
        .append(AFTER)
        .append("\"></span>after (candidate rules)</p>\n");
    h.append("<h2>Totals</h2>\n<table><tr><th></th><th>posts</th><th>alerts</th><th>TP</th>")
        .append("<th>FP</th><th>FN</th><th>precision</th><th>recall</th></tr>\n");
    totals(h, "before", report.before());
    totals(h, "after", report.after());
    h.append("</table>\n<p>")
        .append(report.gained().size())
        .append(" alerts gained, ")
        .append(report.lost().size())
        .append(" lost.</p>\n");
    h.append("<h2>Score distribution</h2>\n").append(histogram(report));
    h.append("<h2>Precision per language</h2>\n")
        .append(bars(report.byLanguage(), Quality::precision));
    h.append("<h2>Recall per language</h2>\n").append(bars(report.byLanguage(), Quality::recall));
    rows(h, "Per language", report.byLanguage());
    rows(h, "Per category", report.byCategory());
    changes(h, "Gained alerts", report.gained(), examples);
    changes(h, "Lost alerts", report.lost(), examples);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String esc(String text) {
    return Entities.escape(text);
  }

  private static void totals(StringBuilder h, String name, Quality q) {
    h.append("<tr><td>")
        .append(name)
        .append("</td><td>")
        .append(q.posts())
        .append("</td><td>")
        .append(q.alerts())
        .append("</td><td>")
        .append(q.truePositives())
        .append("</td><td>")
        .append(q.falsePositives())
        .append("</td><td>")
        .append(q.falseNegatives())
        .append("</td><td>")
        .append(BacktestPrinter.ratio(q.precision()))
        .append("</td><td>")
        .append(BacktestPrinter.ratio(q.recall()))
        .append("</td></tr>\n");
  }

  /** Two bars per score bin [0, 0.1), ..., [0.9, 1]: how many posts scored there. */
  private static String histogram(BacktestReport report) {
    int[] before = bins(report.scoresBefore());
    int[] after = bins(report.scoresAfter());
    int max = 1;
    for (int i = 0; i < BINS; i++) {
      max = Math.max(max, Math.max(before[i], after[i]));
    }
    int width = 640;
    int height = 240;
    int plot = 190;
    int slot = (width - 40) / BINS;
    StringBuilder s = svg(width, height, "Number of posts per score bin, before and after");
    for (int i = 0; i < BINS; i++) {
      int x = 40 + i * slot;
      bar(s, x + 4, 10 + plot, (slot - 10) / 2, plot * before[i] / max, BEFORE, before[i]);
      bar(
          s,
          x + 4 + (slot - 10) / 2,
          10 + plot,
          (slot - 10) / 2,
          plot * after[i] / max,
          AFTER,
          after[i]);
      text(
          s,
          x + slot / 2,
          height - 20,
          String.format(Locale.ROOT, "%.1f", i / (double) BINS),
          "middle");
    }
    text(s, 36, 18, Integer.toString(max), "end");
    text(s, width / 2, height - 4, "score", "middle");
    return s.append("</svg>\n").toString();
  }

  private static int[] bins(List<Double> scores) {
    int[] bins = new int[BINS];
    for (double score : scores) {
      bins[Math.min(BINS - 1, (int) Math.floor(score * BINS))]++;
    }
    return bins;
  }

  /** One row per group with a before and an after bar on a 0..1 scale; no bar when undefined. */
  private static String bars(List<BacktestReport.Row> rows, ToDoubleFunction<Quality> metric) {
    int rowHeight = 22;
    int left = 90;
    int span = 440;
    int width = left + span + 120;
    int height = rows.size() * rowHeight + 30;
    StringBuilder s = svg(width, height, "Before and after per group, 0 to 1");
    for (int i = 0; i < rows.size(); i++) {
      BacktestReport.Row row = rows.get(i);
      int y = 10 + i * rowHeight;
      text(s, left - 6, y + 14, row.group(), "end");
      double b = metric.applyAsDouble(row.before());
      double a = metric.applyAsDouble(row.after());
      hbar(s, left, y + 2, b, span, BEFORE);
      hbar(s, left, y + 10, a, span, AFTER);
      text(
          s,
          left + span + 4,
          y + 14,
          BacktestPrinter.ratio(b) + " → " + BacktestPrinter.ratio(a),
          "start");
    }
    text(s, left, height - 4, "0", "middle");
    text(s, left + span, height - 4, "1", "middle");
    return s.append("</svg>\n").toString();
  }

  private static StringBuilder svg(int width, int height, String label) {
    return new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-label=\"")
        .append(esc(label))
        .append("\" font-size=\"11\">\n");
  }

  private static void bar(StringBuilder s, int x, int base, int w, int h, String color, int n) {
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%d</title></rect>%n",
            x,
            base - h,
            w,
            h,
            color,
            n));
  }

  private static void hbar(StringBuilder s, int x, int y, double value, int span, String color) {
    if (!Double.isNaN(value)) {
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"8\" fill=\"%s\"/>%n",
              x,
              y,
              Math.round(value * span),
              color));
    }
  }

  private static void text(StringBuilder s, int x, int y, String text, String anchor) {
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>%n",
            x,
            y,
            anchor,
            esc(text)));
  }

  private static void rows(StringBuilder h, String title, List<BacktestReport.Row> rows) {
    h.append("<h2>")
        .append(title)
        .append("</h2>\n<table><tr><th>group</th><th>posts</th><th>alerts before</th>")
        .append("<th>alerts after</th><th>precision before</th><th>precision after</th>")
        .append("<th>recall before</th><th>recall after</th></tr>\n");
    for (BacktestReport.Row r : rows) {
      h.append("<tr><td>")
          .append(esc(r.group()))
          .append("</td><td>")
          .append(r.after().posts())
          .append("</td><td>")
          .append(r.before().alerts())
          .append("</td><td>")
          .append(r.after().alerts())
          .append("</td><td>")
          .append(BacktestPrinter.ratio(r.before().precision()))
          .append("</td><td>")
          .append(BacktestPrinter.ratio(r.after().precision()))
          .append("</td><td>")
          .append(BacktestPrinter.ratio(r.before().recall()))
          .append("</td><td>")
          .append(BacktestPrinter.ratio(r.after().recall()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void changes(StringBuilder h, String title, List<Change> changes, int examples) {
    h.append("<h2>").append(title).append(" (").append(changes.size()).append(")</h2>\n<ol>\n");
    for (Change c : changes.stream().limit(examples).toList()) {
      h.append("<li><code>")
          .append(esc(c.postKey()))
          .append("</code> ")
          .append(String.format(Locale.ROOT, "%.3f → %.3f ", c.scoreBefore(), c.scoreAfter()))
          .append(esc(BacktestPrinter.truth(c)));
      c.rulesAdded().forEach(id -> h.append(" <code>+").append(esc(id)).append("</code>"));
      c.rulesRemoved().forEach(id -> h.append(" <code>-").append(esc(id)).append("</code>"));
      h.append("<div class=\"text\" dir=\"auto\">").append(esc(c.text())).append("</div></li>\n");
    }
    h.append("</ol>\n");
  }
}

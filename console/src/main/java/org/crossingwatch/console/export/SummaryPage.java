package org.crossingwatch.console.export;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.model.Decision;

/**
 * The human-readable {@code summary.html} of an evidence export. Every value from a post is
 * attacker-controlled, so each one goes through {@link #escape(String)}; the page has no script.
 */
final class SummaryPage {
  private SummaryPage() {}

  static String render(
      List<AlertRecord> alerts, AlertStore store, String exportedBy, Instant exportedAt) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">")
        .append("<title>CrossingWatch evidence export</title></head><body>\n")
        .append("<h1>CrossingWatch evidence export</h1>\n<p>Exported by ")
        .append(escape(exportedBy))
        .append(" at ")
        .append(exportedAt)
        .append(". ")
        .append(alerts.size())
        .append(alerts.size() == 1 ? " alert" : " alerts")
        .append(". Check the files with <code>sha256sum -c SHA256SUMS</code>.</p>\n");
    for (AlertRecord record : alerts) {
      var alert = record.alert();
      var post = alert.post();
      html.append("<section><h2>").append(escape(record.id())).append("</h2>\n<table>\n");
      row(html, "Status", store.status(record.id()).id());
      row(html, "Score", String.format(Locale.ROOT, "%.2f", alert.verdict().score()));
      row(html, "Platform / channel", post.platform() + " / " + post.channel());
      row(html, "Author", post.author().orElse(""));
      row(html, "Original post", post.url().orElse(""));
      row(html, "Published", post.publishedAt().map(Instant::toString).orElse(""));
      row(html, "Captured", post.collectedAt().toString());
      row(html, "Capture SHA-256", post.captureSha256());
      row(html, "Categories", String.join(", ", alert.verdict().categories()));
      row(html, "Seen", alert.repostCount() + " times in " + String.join(", ", alert.channels()));
      html.append("</table>\n<h3>Text</h3>\n<pre dir=\"auto\">")
          .append(escape(post.text()))
          .append("</pre>\n<h3>Triage history</h3>\n<ul>\n");
      for (Decision d : store.history(record.id())) {
        html.append("<li>")
            .append(escape(d.decidedAt() + " " + d.officer() + ": " + d.outcome()))
            .append(d.note().map(n -> " (" + escape(n) + ")").orElse(""))
            .append("</li>\n");
      }
      html.append("</ul></section>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th>")
        .append(escape(name))
        .append("</th><td dir=\"auto\">")
        .append(escape(value))
        .append("</td></tr>\n");
  }

  /** Escapes the five HTML-significant characters. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

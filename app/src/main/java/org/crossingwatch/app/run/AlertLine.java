package org.crossingwatch.app.run;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.crossingwatch.model.Alert;

/** One alert as a single readable terminal line. */
final class AlertLine {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.of("UTC"));
  private static final int FIRST_WORDS = 70;

  private AlertLine() {}

  /**
   * Formats an alert: time (UTC), score, languages, source, matched categories, then the first
   * words of the post. The text comes last so right-to-left scripts cannot reorder the columns.
   */
  static String format(Alert alert) {
    String languages =
        alert.verdict().languages().isEmpty() ? "?" : String.join("+", alert.verdict().languages());
    String source = alert.post().platform() + "/" + alert.post().channel();
    String categories = String.join(",", alert.verdict().categories());
    String reposts = alert.repostCount() > 1 ? "  x" + alert.repostCount() : "";
    return String.format(
        Locale.ROOT,
        "ALERT %s  %.2f  %-5s  %-28s  %-32s  %s%s",
        TIME.format(alert.lastSeen()),
        alert.verdict().score(),
        languages,
        source,
        categories,
        firstWords(alert.post().text()),
        reposts);
  }

  static String firstWords(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.codePointCount(0, flat.length()) <= FIRST_WORDS) {
      return flat;
    }
    int end = flat.offsetByCodePoints(0, FIRST_WORDS);
    int lastSpace = flat.lastIndexOf(' ', end);
    return flat.substring(0, lastSpace > FIRST_WORDS / 2 ? lastSpace : end) + " …";
  }
}

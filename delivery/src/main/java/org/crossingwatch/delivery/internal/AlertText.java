package org.crossingwatch.delivery.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.RuleHit;

/**
 * The words every sink uses for a notification: a subject line, and per alert its score, languages,
 * sightings, reasons, entities, the post's text and the console link. Sinks only choose the markup
 * (plain, HTML, Markdown).
 */
public final class AlertText {
  /** Longest post excerpt shown; the console has the whole text. */
  static final int EXCERPT_CHARS = 500;

  private AlertText() {}

  /** One line saying what the notification is about. */
  public static String subject(Notification n) {
    Alert first = n.alerts().get(0);
    return switch (n.kind()) {
      case NEW ->
          "CrossingWatch alert "
              + first.alertId()
              + " · score "
              + score(first)
              + " · "
              + String.join(", ", first.verdict().languages())
              + " · "
              + first.post().platform()
              + ":"
              + first.post().channel();
      case REPOST ->
          "CrossingWatch alert "
              + first.alertId()
              + " seen "
              + first.repostCount()
              + " times in "
              + first.channels().size()
              + " channels";
      case DIGEST ->
          "CrossingWatch digest: "
              + n.alerts().size()
              + (n.alerts().size() == 1 ? " alert" : " alerts")
              + " held back ("
              + n.digestReason().orElse("digest")
              + ")";
    };
  }

  /** The facts of one alert as label/value lines, in display order. */
  public static List<Map.Entry<String, String>> facts(Alert alert) {
    List<Map.Entry<String, String>> facts = new ArrayList<>();
    facts.add(Map.entry("Score", score(alert)));
    facts.add(Map.entry("Languages", orNone(String.join(", ", alert.verdict().languages()))));
    facts.add(
        Map.entry(
            "Seen",
            alert.repostCount()
                + (alert.repostCount() == 1 ? " time" : " times")
                + " in "
                + String.join(", ", alert.channels())));
    facts.add(Map.entry("Reasons", orNone(reasons(alert))));
    facts.add(Map.entry("Entities", orNone(entities(alert))));
    return facts;
  }

  /**
   * The reasons: each category with its contribution (largest first) and the rules that matched in
   * it, for example {@code crossing +2.10 (ar-boat-price, ar-departure)}.
   */
  public static String reasons(Alert alert) {
    List<String> parts = new ArrayList<>();
    Map<String, Double> contributions = alert.verdict().contributions();
    List<String> categories = new ArrayList<>(alert.verdict().categories());
    for (String category : contributions.keySet()) {
      if (!categories.contains(category)) {
        categories.add(category);
      }
    }
    categories.sort(
        Comparator.comparingDouble((String c) -> -contributions.getOrDefault(c, 0.0))
            .thenComparing(Comparator.naturalOrder()));
    for (String category : categories) {
      List<String> rules =
          alert.verdict().hits().stream()
              .filter(h -> h.category().equals(category))
              .map(RuleHit::ruleId)
              .distinct()
              .toList();
      StringBuilder part = new StringBuilder(category);
      Double contribution = contributions.get(category);
      if (contribution != null) {
        part.append(String.format(Locale.ROOT, " %+.2f", contribution));
      }
      if (!rules.isEmpty()) {
        part.append(" (").append(String.join(", ", rules)).append(')');
      }
      parts.add(part.toString());
    }
    return String.join("; ", parts);
  }

  /** The entities as {@code PHONE +218912345678, PRICE 3000 EUR}, in text order. */
  public static String entities(Alert alert) {
    return String.join(
        ", ",
        alert.verdict().entities().stream()
            .map(e -> e.type().name() + " " + e.normalized())
            .distinct()
            .toList());
  }

  /** The post's text, shortened to {@value #EXCERPT_CHARS} characters with an ellipsis. */
  public static String excerpt(Alert alert) {
    String text = alert.post().text().strip();
    if (text.length() <= EXCERPT_CHARS) {
      return text;
    }
    int end = EXCERPT_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** The score with two decimals. */
  public static String score(Alert alert) {
    return String.format(Locale.ROOT, "%.2f", alert.verdict().score());
  }

  /** The whole notification as plain text. */
  public static String plain(Notification n) {
    StringBuilder text = new StringBuilder(subject(n)).append("\n");
    for (Alert alert : n.alerts()) {
      text.append("\n");
      if (n.kind() == Notification.Kind.DIGEST) {
        text.append("Alert ").append(alert.alertId()).append("\n");
      }
      for (Map.Entry<String, String> fact : facts(alert)) {
        text.append(fact.getKey()).append(": ").append(fact.getValue()).append("\n");
      }
      text.append("Post: ").append(excerpt(alert)).append("\n");
      text.append("Open: ").append(n.consoleUrl(alert)).append("\n");
    }
    return text.toString();
  }

  /** The whole notification as an HTML fragment, every value escaped. */
  public static String html(Notification n) {
    StringBuilder html = new StringBuilder();
    html.append("<h2>").append(escapeHtml(subject(n))).append("</h2>\n");
    for (Alert alert : n.alerts()) {
      html.append("<h3><a href=\"")
          .append(escapeHtml(n.consoleUrl(alert)))
          .append("\">")
          .append(escapeHtml(alert.alertId()))
          .append("</a></h3>\n<ul>\n");
      for (Map.Entry<String, String> fact : facts(alert)) {
        html.append("<li><b>")
            .append(escapeHtml(fact.getKey()))
            .append(":</b> ")
            .append(escapeHtml(fact.getValue()))
            .append("</li>\n");
      }
      html.append("</ul>\n<blockquote>")
          .append(escapeHtml(excerpt(alert)))
          .append("</blockquote>\n");
    }
    return html.toString();
  }

  /** Escapes the five HTML-special characters. */
  public static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String orNone(String text) {
    return text.isEmpty() ? "none" : text;
  }
}

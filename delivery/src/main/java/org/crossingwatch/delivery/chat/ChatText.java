package org.crossingwatch.delivery.chat;

import java.util.Map;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.internal.AlertText;
import org.crossingwatch.model.Alert;

/** Markdown renderings of a notification for the chat formats. */
final class ChatText {
  private ChatText() {}

  /**
   * Standard Markdown ({@code [label](url)}, {@code **bold**}), as Mattermost and Teams render it.
   * The post's text goes into a fenced block so that its markup and mentions stay inert.
   */
  static String markdown(Notification n) {
    StringBuilder text = new StringBuilder("**").append(AlertText.subject(n)).append("**\n");
    for (Alert alert : n.alerts()) {
      text.append("\n[")
          .append(alert.alertId())
          .append("](")
          .append(n.consoleUrl(alert))
          .append(")\n");
      for (Map.Entry<String, String> fact : AlertText.facts(alert)) {
        text.append("- **").append(fact.getKey()).append(":** ").append(fact.getValue());
        text.append("\n");
      }
      text.append("```\n").append(fence(AlertText.excerpt(alert))).append("\n```\n");
    }
    return text.toString();
  }

  /**
   * Slack's mrkdwn: {@code <url|label>} links, {@code *bold*}, and {@code &}, {@code <}, {@code >}
   * escaped as Slack requires, so a post cannot forge links or mentions.
   */
  static String slack(Notification n) {
    StringBuilder text = new StringBuilder("*").append(escapeSlack(AlertText.subject(n)));
    text.append("*\n");
    for (Alert alert : n.alerts()) {
      text.append("\n<")
          .append(n.consoleUrl(alert))
          .append("|")
          .append(alert.alertId())
          .append(">\n");
      for (Map.Entry<String, String> fact : AlertText.facts(alert)) {
        text.append("• *").append(fact.getKey()).append(":* ");
        text.append(escapeSlack(fact.getValue())).append("\n");
      }
      text.append("```").append(escapeSlack(fence(AlertText.excerpt(alert)))).append("```\n");
    }
    return text.toString();
  }

  static String escapeSlack(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // A fence inside the post would close our block early.
  private static String fence(String text) {
    return text.replace("```", "'''");
  }
}

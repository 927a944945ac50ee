package org.crossingwatch.delivery.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.internal.AlertText;
import org.crossingwatch.model.Json;

/** The incoming-webhook payload of each chat product that takes a plain URL. */
public enum ChatFormat {
  /** Slack incoming webhook: {@code {"text": mrkdwn}}. */
  SLACK {
    @Override
    ObjectNode payload(Notification n) {
      ObjectNode root = Json.mapper().createObjectNode();
      root.put("text", ChatText.slack(n));
      return root;
    }
  },
  /** Mattermost incoming webhook: {@code {"username", "text": markdown}}. */
  MATTERMOST {
    @Override
    ObjectNode payload(Notification n) {
      ObjectNode root = Json.mapper().createObjectNode();
      root.put("username", "CrossingWatch");
      root.put("text", ChatText.markdown(n));
      return root;
    }
  },
  /**
   * Microsoft Teams (Workflows "post to a channel when a webhook request is received"): a message
   * with one Adaptive Card holding a title, the Markdown body and an "Open in console" action for
   * the first alert.
   */
  TEAMS {
    @Override
    ObjectNode payload(Notification n) {
      ObjectNode root = Json.mapper().createObjectNode();
      root.put("type", "message");
      ObjectNode attachment = root.putArray("attachments").addObject();
      attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
      attachment.putNull("contentUrl");
      ObjectNode card = attachment.putObject("content");
      card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
      card.put("type", "AdaptiveCard");
      card.put("version", "1.4");
      var body = card.putArray("body");
      body.addObject()
          .put("type", "TextBlock")
          .put("text", AlertText.subject(n))
          .put("weight", "Bolder")
          .put("size", "Medium")
          .put("wrap", true);
      body.addObject().put("type", "TextBlock").put("text", ChatText.markdown(n)).put("wrap", true);
      card.putArray("actions")
          .addObject()
          .put("type", "Action.OpenUrl")
          .put("title", "Open in console")
          .put("url", n.consoleUrl(n.alerts().get(0)));
      return root;
    }
  };

  /** The JSON payload for {@code n}. */
  abstract ObjectNode payload(Notification n);

  /** The payload as JSON text. */
  public String render(Notification n) {
    return Json.write(payload(n));
  }
}

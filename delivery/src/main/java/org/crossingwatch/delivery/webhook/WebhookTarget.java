package org.crossingwatch.delivery.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.Secret;
import org.crossingwatch.delivery.Sink;
import org.crossingwatch.delivery.SinkContext;
import org.crossingwatch.delivery.SinkTarget;
import org.crossingwatch.delivery.internal.HttpPosts;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;

/**
 * A signed JSON webhook. Each message is a POST of
 *
 * <pre>{@code
 * {"event":"alert.new","deliveryId":"cw-…:1:partner","digestReason":null,
 *  "alerts":[{"consoleUrl":"https://…/alerts/cw-…","alert":{…Alert JSON…}}]}
 * }</pre>
 *
 * with the headers of {@link WebhookSignature}: signature, timestamp, delivery id and event.
 *
 * @param url where to POST
 * @param secret the shared signing key
 */
public record WebhookTarget(URI url, Secret secret) implements SinkTarget {
  public WebhookTarget {
    requireNonNull(url, "url");
    requireNonNull(secret, "secret");
  }

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public Sink open(SinkContext context) {
    return notification -> {
      byte[] body = body(notification).getBytes(UTF_8);
      long timestamp = context.clock().instant().getEpochSecond();
      HttpRequest request =
          HttpPosts.json(context, url)
              .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
              .header(
                  WebhookSignature.SIGNATURE_HEADER,
                  WebhookSignature.sign(secret.revealBytes(), timestamp, body))
              .header(WebhookSignature.DELIVERY_HEADER, notification.deliveryId())
              .header(WebhookSignature.EVENT_HEADER, notification.kind().event())
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpPosts.send(context, request);
    };
  }

  /** The JSON body for {@code notification}. */
  static String body(Notification notification) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("event", notification.kind().event());
    root.put("deliveryId", notification.deliveryId());
    root.put("digestReason", notification.digestReason().orElse(null));
    ArrayNode alerts = root.putArray("alerts");
    for (Alert alert : notification.alerts()) {
      ObjectNode item = alerts.addObject();
      item.put("consoleUrl", notification.consoleUrl(alert));
      item.set("alert", Json.mapper().valueToTree(alert));
    }
    return Json.write(root);
  }
}

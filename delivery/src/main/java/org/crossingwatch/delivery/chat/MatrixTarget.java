package org.crossingwatch.delivery.chat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.Secret;
import org.crossingwatch.delivery.Sink;
import org.crossingwatch.delivery.SinkContext;
import org.crossingwatch.delivery.SinkTarget;
import org.crossingwatch.delivery.internal.AlertText;
import org.crossingwatch.delivery.internal.HttpPosts;
import org.crossingwatch.model.Json;

/**
 * A Matrix room, written to with the client-server API: {@code PUT
 * <homeserver>/_matrix/client/v3/rooms/<room>/send/m.room.message/<txnId>} with a bot's access
 * token. The transaction id is the delivery id, so the homeserver itself drops a retried message
 * that had already arrived. The event is an {@code m.text} with a plain body and an HTML {@code
 * formatted_body}.
 *
 * @param homeserver the homeserver's base URL, for example {@code https://matrix.example.org}
 * @param roomId the room id, for example {@code !desk:example.org}
 * @param accessToken the bot's access token
 */
public record MatrixTarget(URI homeserver, String roomId, Secret accessToken)
    implements SinkTarget {
  public MatrixTarget {
    requireNonNull(homeserver, "homeserver");
    requireNonNull(roomId, "roomId");
    requireNonNull(accessToken, "accessToken");
  }

  @Override
  public String type() {
    return "matrix";
  }

  @Override
  public Sink open(SinkContext context) {
    return notification -> {
      HttpRequest request =
          HttpPosts.json(context, sendUri(notification.deliveryId()))
              .header("Authorization", "Bearer " + accessToken.reveal())
              .PUT(HttpRequest.BodyPublishers.ofString(payload(notification), UTF_8))
              .build();
      HttpPosts.send(context, request);
    };
  }

  URI sendUri(String transactionId) {
    String base = homeserver.toString().replaceAll("/+$", "");
    return URI.create(
        base
            + "/_matrix/client/v3/rooms/"
            + encode(roomId)
            + "/send/m.room.message/"
            + encode(transactionId));
  }

  /** The {@code m.room.message} event content. */
  static String payload(Notification n) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("msgtype", "m.text");
    root.put("body", AlertText.plain(n));
    root.put("format", "org.matrix.custom.html");
    root.put("formatted_body", AlertText.html(n));
    return Json.write(root);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, UTF_8).replace("+", "%20");
  }
}

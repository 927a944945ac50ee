package org.crossingwatch.delivery.chat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import org.crossingwatch.delivery.Secret;
import org.crossingwatch.delivery.Sink;
import org.crossingwatch.delivery.SinkContext;
import org.crossingwatch.delivery.SinkTarget;
import org.crossingwatch.delivery.internal.HttpPosts;

/**
 * A Slack, Mattermost or Teams channel reached through its incoming-webhook URL. The URL is a
 * {@link Secret}: whoever has it can post to the channel.
 *
 * @param format the product's payload format
 * @param url the incoming-webhook URL
 */
public record ChatTarget(ChatFormat format, Secret url) implements SinkTarget {
  public ChatTarget {
    requireNonNull(format, "format");
    requireNonNull(url, "url");
  }

  @Override
  public String type() {
    return format.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Sink open(SinkContext context) {
    URI uri;
    try {
      uri = new URI(url.reveal());
    } catch (URISyntaxException e) {
      // The message would echo the secret URL, so only its origin is named.
      throw new IllegalArgumentException(
          "Chat sink '" + context.sinkName() + "' URL from " + url.origin() + " is not a URL");
    }
    return notification -> {
      HttpRequest request =
          HttpPosts.json(context, uri)
              .POST(HttpRequest.BodyPublishers.ofString(format.render(notification), UTF_8))
              .build();
      HttpPosts.send(context, request);
    };
  }
}

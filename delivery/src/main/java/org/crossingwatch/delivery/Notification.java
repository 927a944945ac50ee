package org.crossingwatch.delivery;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.model.Alert;

/**
 * One message to one sink: a new alert, a repost update, or a digest of alerts held back by a rate
 * limit or quiet hours.
 *
 * @param kind what the message is
 * @param deliveryId stable id of this message, the same on every retry, so receivers can drop
 *     duplicates ({@code <alertId>:<repostCount>:<sink>} for single alerts)
 * @param alerts the alerts, one for {@link Kind#NEW} and {@link Kind#REPOST}, at least one for a
 *     digest
 * @param consoleBaseUrl where the console is, for links to each alert
 * @param digestReason why a digest was gathered ({@code rate limit}, {@code quiet hours}); empty
 *     for single alerts
 */
public record Notification(
    Kind kind,
    String deliveryId,
    List<Alert> alerts,
    URI consoleBaseUrl,
    Optional<String> digestReason) {

  /** What a notification is. */
  public enum Kind {
    NEW("alert.new"),
    REPOST("alert.repost"),
    DIGEST("alert.digest");

    private final String event;

    Kind(String event) {
      this.event = event;
    }

    /** The event name receivers see, for example {@code alert.new}. */
    public String event() {
      return event;
    }
  }

  public Notification {
    requireNonNull(kind, "kind");
    requireNonNull(deliveryId, "deliveryId");
    alerts = List.copyOf(alerts);
    requireNonNull(consoleBaseUrl, "consoleBaseUrl");
    requireNonNull(digestReason, "digestReason");
    if (alerts.isEmpty()) {
      throw new IllegalArgumentException("Notification " + deliveryId + " has no alerts");
    }
    if (kind != Kind.DIGEST && alerts.size() != 1) {
      throw new IllegalArgumentException(
          "Notification "
              + deliveryId
              + " of kind "
              + kind
              + " must carry one alert, had "
              + alerts.size());
    }
  }

  /** The console page of {@code alert}: {@code <consoleBaseUrl>/alerts/<alertId>}. */
  public String consoleUrl(Alert alert) {
    String base = consoleBaseUrl.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/alerts/" + alert.alertId();
  }
}

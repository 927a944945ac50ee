package org.crossingwatch.stream.links;

import java.util.Objects;

/**
 * The value of the alert-version store: one alert version whose answer came before another of its
 * entity answers, waiting for the rest, keyed by {@link LinkCollector#versionKey}.
 *
 * @param alertJson the version as {@link org.crossingwatch.model.Alert} JSON without links (UTF-8)
 * @param touchedAt record time (epoch ms) of the answer that carried it, for expiry
 */
public record WaitingAlert(byte[] alertJson, long touchedAt) {
  public WaitingAlert {
    Objects.requireNonNull(alertJson, "alertJson must not be null");
  }
}

package org.crossingwatch.stream.links;

import java.util.Objects;
import org.crossingwatch.model.Alert;

/**
 * The value of the alert-version store: one announced alert version waiting for its entity answers,
 * keyed by {@link LinkCollector#versionKey}.
 *
 * @param alert the version
 * @param touchedAt record time (epoch ms) of its announcement, for expiry
 */
public record WaitingAlert(Alert alert, long touchedAt) {
  public WaitingAlert {
    Objects.requireNonNull(alert, "alert must not be null");
  }
}

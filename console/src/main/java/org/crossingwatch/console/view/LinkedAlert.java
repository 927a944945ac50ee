package org.crossingwatch.console.view;

import java.util.Objects;

/**
 * Another alert that shares an entity with the one being viewed.
 *
 * @param alertId the other alert
 * @param shared the entity both contain (its type and normalized value matter)
 */
public record LinkedAlert(String alertId, Entity shared) {
  public LinkedAlert {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(shared, "shared");
  }
}

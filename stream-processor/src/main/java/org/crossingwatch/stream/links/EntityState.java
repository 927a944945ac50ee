package org.crossingwatch.stream.links;

import java.util.Objects;

/**
 * The value of the entity store.
 *
 * @param links what the entity links
 * @param touchedAt record time (epoch ms) of the last sighting, for expiry
 */
public record EntityState(EntityLinks links, long touchedAt) {
  public EntityState {
    Objects.requireNonNull(links, "links must not be null");
  }
}

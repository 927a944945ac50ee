package org.crossingwatch.stream.links;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert seen with one entity, sent keyed by the entity key on the {@code entity-links}
 * repartition topic.
 *
 * @param type the entity type name, for example {@code PHONE}
 * @param alertId the alert
 * @param channel {@code platform:channel} of the post that carried the entity
 * @param seen when that post was collected
 * @param alertVersion the alert's {@code repostCount} in the version that carried the entity, so
 *     the answer finds its way back to that version
 * @param alert the alert version itself, on exactly one sighting of each version (the one of its
 *     first entity in entity key order); empty on the others
 */
public record EntitySighting(
    String type,
    String alertId,
    String channel,
    Instant seen,
    int alertVersion,
    Optional<CarriedAlert> alert) {
  public EntitySighting {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(alertId, "alertId must not be null");
    Objects.requireNonNull(channel, "channel must not be null");
    Objects.requireNonNull(seen, "seen must not be null");
    Objects.requireNonNull(alert, "alert must not be null");
  }
}

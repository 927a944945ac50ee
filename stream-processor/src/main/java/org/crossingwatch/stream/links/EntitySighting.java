package org.crossingwatch.stream.links;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.crossingwatch.stream.cluster.AlertUpdate;
import org.crossingwatch.stream.cluster.AlertingPost;

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

  /**
   * One sighting per entity of the post that made this alert version, keyed by entity, in text
   * order; the one of the first entity in entity key order carries the version itself, so the
   * version needs no record of its own.
   *
   * @return empty when the post carries no entity
   */
  public static List<KeyValue<String, EntitySighting>> allOf(AlertUpdate update) {
    AlertingPost trigger = update.trigger();
    Map<String, String> entities = trigger.entities();
    if (entities.isEmpty()) {
      return List.of();
    }
    String carrier = Collections.min(entities.keySet());
    CarriedAlert alert = CarriedAlert.of(update.alert(), entities.size() - 1);
    List<KeyValue<String, EntitySighting>> sightings = new ArrayList<>(entities.size());
    entities.forEach(
        (entity, type) ->
            sightings.add(
                KeyValue.pair(
                    entity,
                    new EntitySighting(
                        type,
                        update.alert().alertId(),
                        trigger.channel(),
                        trigger.collectedAt(),
                        update.alert().repostCount(),
                        entity.equals(carrier) ? Optional.of(alert) : Optional.empty()))));
    return sightings;
  }
}

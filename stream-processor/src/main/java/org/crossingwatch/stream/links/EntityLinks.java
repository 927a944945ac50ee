package org.crossingwatch.stream.links;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one entity links: published on {@code cw.entities} keyed by {@link #entity()} whenever an
 * alert or a channel is added to it or its time span widens. "This number appears in {@code
 * alertCount} alerts across {@code channelCount} channels."
 *
 * @param entity the link key, for example {@code phone:+218912345678}
 * @param type the entity type name: {@code PHONE}, {@code HANDLE}, {@code WALLET} or {@code LINK}
 * @param alertCount how many distinct alerts carry it
 * @param channelCount in how many distinct channels
 * @param firstSeen when it was first collected in an alerting post
 * @param lastSeen when last
 * @param alertIds the alert ids, oldest first, at most {@value #MAX_LISTED}
 * @param channels the channels, first first, at most {@value #MAX_LISTED}
 */
public record EntityLinks(
    String entity,
    String type,
    int alertCount,
    int channelCount,
    Instant firstSeen,
    Instant lastSeen,
    List<String> alertIds,
    List<String> channels) {
  /**
   * Ids and channels kept per entity; past this the counts go on but may count an alert twice if it
   * comes back after dropping out of the list.
   */
  public static final int MAX_LISTED = 200;

  public EntityLinks {
    Objects.requireNonNull(entity, "entity must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(firstSeen, "firstSeen must not be null");
    Objects.requireNonNull(lastSeen, "lastSeen must not be null");
    alertIds = List.copyOf(Objects.requireNonNull(alertIds, "alertIds must not be null"));
    channels = List.copyOf(Objects.requireNonNull(channels, "channels must not be null"));
  }
}

package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.required;
import static org.crossingwatch.model.Fields.requiredText;

import java.time.Instant;

/**
 * "This number appears in {@code alertCount} alerts across {@code channelCount} channels": what an
 * alert's entity shares with other alerts, as the pipeline's entity store knew it when the alert
 * was published.
 *
 * @param entity the link key, for example {@code phone:+218912345678} or {@code handle:@name}
 * @param kind the entity type: {@code PHONE}, {@code HANDLE}, {@code WALLET} or {@code LINK}
 * @param alertCount how many distinct alerts carry it, this one included (at least 2)
 * @param channelCount in how many distinct channels
 * @param firstSeen when it was first collected in an alerting post
 * @param lastSeen when last
 */
public record EntityLink(
    String entity,
    String kind,
    int alertCount,
    int channelCount,
    Instant firstSeen,
    Instant lastSeen) {
  public EntityLink {
    requiredText(entity, "EntityLink", "entity");
    requiredText(kind, "EntityLink", "kind");
    required(firstSeen, "EntityLink", "firstSeen");
    required(lastSeen, "EntityLink", "lastSeen");
    if (alertCount < 2) {
      throw new IllegalArgumentException(
          "EntityLink alertCount must be at least 2 (a link joins alerts), was " + alertCount);
    }
    if (channelCount < 1) {
      throw new IllegalArgumentException(
          "EntityLink channelCount must be at least 1, was " + channelCount);
    }
  }
}

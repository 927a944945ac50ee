package org.crossingwatch.stream.links;

import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.EntityLink;

/**
 * What the entity store made of one sighting.
 *
 * @param sighting the sighting
 * @param links the entity's links with the sighting added
 * @param changed whether the links changed (and so are published on {@code cw.entities})
 */
public record LinkedSighting(EntitySighting sighting, EntityLinks links, boolean changed) {
  public LinkedSighting {
    Objects.requireNonNull(sighting, "sighting must not be null");
    Objects.requireNonNull(links, "links must not be null");
  }

  /**
   * The answer for the sighting's alert version, with the version itself if the sighting carried
   * it.
   */
  public LinkAnswer answer() {
    return LinkAnswer.to(sighting, link());
  }

  /** The link summary for the sighting's alert: present when other alerts carry the entity too. */
  public Optional<EntityLink> link() {
    if (links.alertCount() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        new EntityLink(
            links.entity(),
            links.type(),
            links.alertCount(),
            links.channelCount(),
            links.firstSeen(),
            links.lastSeen()));
  }
}

package org.crossingwatch.stream.links;

import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.EntityLink;

/**
 * Sent keyed by alert id on the {@code alert-links} repartition topic: one entity's answer for an
 * alert version, one of which carries the version itself, or the version alone when it carries no
 * entity.
 *
 * @param alertVersion the alert's {@code repostCount} in the version concerned
 * @param alert the alert version, on the one record of the version that carries it
 * @param link the entity's link summary, on an answer, when other alerts carry the entity too
 */
public record LinkAnswer(
    int alertVersion, Optional<CarriedAlert> alert, Optional<EntityLink> link) {
  public LinkAnswer {
    Objects.requireNonNull(alert, "alert must not be null");
    Objects.requireNonNull(link, "link must not be null");
  }

  /** {@code alert}, which carries no entity: nothing to wait for. */
  public static LinkAnswer withoutEntities(Alert alert) {
    return new LinkAnswer(
        alert.repostCount(), Optional.of(CarriedAlert.of(alert, 0)), Optional.empty());
  }

  /** The answer to {@code sighting}, with the alert version it carried if it did. */
  public static LinkAnswer to(EntitySighting sighting, Optional<EntityLink> link) {
    return new LinkAnswer(sighting.alertVersion(), sighting.alert(), link);
  }
}

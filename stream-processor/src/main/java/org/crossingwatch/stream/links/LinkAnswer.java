package org.crossingwatch.stream.links;

import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.EntityLink;

/**
 * Sent keyed by alert id on the {@code alert-links} repartition topic: either the alert version
 * itself with how many entity answers it waits for, or one entity's answer for that version.
 *
 * @param alertVersion the alert's {@code repostCount} in the version concerned
 * @param alert the alert version, on the record that announces it; empty on an entity's answer
 * @param expectedAnswers how many entity answers the version waits for (on the announcing record)
 * @param link the entity's link summary, on an answer, when other alerts carry the entity too
 */
public record LinkAnswer(
    int alertVersion, Optional<Alert> alert, int expectedAnswers, Optional<EntityLink> link) {
  public LinkAnswer {
    alert = alert == null ? Optional.empty() : alert;
    link = link == null ? Optional.empty() : link;
  }

  /** {@code alert} announced, waiting for {@code entities} answers. */
  public static LinkAnswer announce(Alert alert, int entities) {
    Objects.requireNonNull(alert, "alert must not be null");
    return new LinkAnswer(alert.repostCount(), Optional.of(alert), entities, Optional.empty());
  }

  /** One entity's answer for the version {@code alertVersion}. */
  public static LinkAnswer answer(int alertVersion, Optional<EntityLink> link) {
    return new LinkAnswer(alertVersion, Optional.empty(), 0, link);
  }
}

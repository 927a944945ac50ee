package org.crossingwatch.stream.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.EntityLink;
import org.crossingwatch.model.Json;

/**
 * Sent keyed by alert id on the {@code alert-links} repartition topic: either the alert version
 * itself with how many entity answers it waits for, or one entity's answer for that version.
 *
 * @param alertVersion the alert's {@code repostCount} in the version concerned
 * @param alert the alert version as {@link Alert} JSON without links (UTF-8), on the record that
 *     announces it; empty on an entity's answer
 * @param expectedAnswers how many entity answers the version waits for (on the announcing record)
 * @param link the entity's link summary, on an answer, when other alerts carry the entity too
 */
public record LinkAnswer(
    int alertVersion, Optional<byte[]> alert, int expectedAnswers, Optional<EntityLink> link) {
  public LinkAnswer {
    alert = alert == null ? Optional.empty() : alert;
    link = link == null ? Optional.empty() : link;
  }

  /**
   * {@code alert} announced, waiting for {@code entities} answers: its JSON is written here, once,
   * and published as it is unless entity links are added.
   */
  public static LinkAnswer announce(Alert alert, int entities) {
    Objects.requireNonNull(alert, "alert must not be null");
    try {
      return new LinkAnswer(
          alert.repostCount(),
          Optional.of(Json.mapper().writeValueAsBytes(alert)),
          entities,
          Optional.empty());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One entity's answer for the version {@code alertVersion}. */
  public static LinkAnswer answer(int alertVersion, Optional<EntityLink> link) {
    return new LinkAnswer(alertVersion, Optional.empty(), 0, link);
  }
}

package org.crossingwatch.stream.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;

/**
 * One alert version on its way to the alert-link store: it rides on one of its entity sightings to
 * the entity store and comes back in that entity's answer, or, when it carries no entity, goes
 * there alone. Its JSON is written once, here, and published as it is unless entity links are
 * added. Equal when the JSON bytes and the count are.
 *
 * @param json the version as {@link Alert} JSON without links (UTF-8)
 * @param otherAnswers how many answers the version waits for besides the one that carries it
 */
public record CarriedAlert(byte[] json, int otherAnswers) {
  public CarriedAlert {
    Objects.requireNonNull(json, "json must not be null");
    if (otherAnswers < 0) {
      throw new IllegalArgumentException("otherAnswers must be >= 0, was " + otherAnswers);
    }
  }

  /**
   * {@code alert} written as JSON, waiting for {@code otherAnswers} more answers.
   *
   * @throws NullPointerException if {@code alert} is null
   * @throws IllegalArgumentException if {@code otherAnswers} is negative
   */
  public static CarriedAlert of(Alert alert, int otherAnswers) {
    Objects.requireNonNull(alert, "alert must not be null");
    try {
      return new CarriedAlert(Json.mapper().writeValueAsBytes(alert), otherAnswers);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CarriedAlert that
        && otherAnswers == that.otherAnswers
        && Arrays.equals(json, that.json);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(json) + otherAnswers;
  }

  @Override
  public String toString() {
    return "CarriedAlert[" + json.length + " bytes, otherAnswers=" + otherAnswers + "]";
  }
}

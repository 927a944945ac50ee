package org.crossingwatch.collectors;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a source has been published: the value on {@code cw.collector.state} (key = source id),
 * written in the same transaction as the posts it covers.
 *
 * @param sourceId the {@link Source#id()}
 * @param position the source's opaque checkpoint after the last published item
 * @param updatedAt when the runner committed it
 * @param postsPublished posts published for this source so far, over all runs
 */
public record Checkpoint(String sourceId, String position, Instant updatedAt, long postsPublished) {

  public Checkpoint {
    Objects.requireNonNull(sourceId, "missing required field 'sourceId' in Checkpoint");
    Objects.requireNonNull(position, "missing required field 'position' in Checkpoint");
    Objects.requireNonNull(updatedAt, "missing required field 'updatedAt' in Checkpoint");
    if (sourceId.isBlank()) {
      throw new IllegalArgumentException("field 'sourceId' in Checkpoint must not be blank");
    }
    if (position.isBlank()) {
      throw new IllegalArgumentException("field 'position' in Checkpoint must not be blank");
    }
    if (postsPublished < 0) {
      throw new IllegalArgumentException(
          "field 'postsPublished' in Checkpoint must be >= 0, got " + postsPublished);
    }
  }
}

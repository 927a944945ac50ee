package org.crossingwatch.stream.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.ScoredPost;

/**
 * A scored post with its JSON, written once: the bytes are both the {@code cw.posts.scored} record
 * and what the clustering steps carry, so no step serialises the post again. Passed between
 * processors of one sub-topology only, never serialised itself.
 *
 * @param scoredPost the post and its verdict
 * @param json {@code scoredPost} as {@link Json} writes it, UTF-8
 */
public record PublishedPost(ScoredPost scoredPost, byte[] json) {
  public PublishedPost {
    Objects.requireNonNull(scoredPost, "scoredPost must not be null");
    Objects.requireNonNull(json, "json must not be null");
  }

  /** {@code scoredPost} with its JSON. */
  public static PublishedPost of(ScoredPost scoredPost) {
    try {
      return new PublishedPost(scoredPost, Json.mapper().writeValueAsBytes(scoredPost));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.crossingwatch.collectors;

import java.util.List;
import java.util.Objects;
import org.crossingwatch.model.Post;

/**
 * What one {@link Source#poll} returned.
 *
 * @param posts the posts read, in source order (may be empty)
 * @param problems items that were read but could not become posts, in source order (may be empty):
 *     they are skipped, and the checkpoint moves past them
 * @param checkpoint the position after the last item read, to pass to the next poll; equal to the
 *     poll's checkpoint when nothing was read
 * @param exhausted true when the source had nothing more to give at the time of the poll; a later
 *     poll may still find more (a file that grows, a channel with new posts)
 */
public record Batch(
    List<Post> posts, List<Problem> problems, String checkpoint, boolean exhausted) {

  public Batch {
    posts = List.copyOf(Objects.requireNonNull(posts, "posts"));
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (checkpoint.isBlank()) {
      throw new IllegalArgumentException(
          "Batch checkpoint must not be blank: '" + checkpoint + "'");
    }
  }

  /** True when the batch holds neither posts nor problems. */
  public boolean isEmpty() {
    return posts.isEmpty() && problems.isEmpty();
  }
}

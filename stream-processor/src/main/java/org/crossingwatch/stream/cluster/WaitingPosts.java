package org.crossingwatch.stream.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of the waiting-post store: a first post and its identical copies, held once until the
 * post's cluster is decided, then deleted.
 *
 * @param first the post that asked the bands, once it arrived
 * @param copies identical copies of it, in arrival order
 * @param touchedAt record time (epoch ms) of the last post, for expiry
 */
public record WaitingPosts(
    Optional<AlertingPost> first, List<AlertingPost> copies, long touchedAt) {
  public WaitingPosts {
    first = first == null ? Optional.empty() : first;
    copies = List.copyOf(Objects.requireNonNull(copies, "copies must not be null"));
  }

  /** No post yet. */
  static WaitingPosts none() {
    return new WaitingPosts(Optional.empty(), List.of(), 0L);
  }

  /** The same with {@code post} as the first post. */
  WaitingPosts withFirst(AlertingPost post, long timestamp) {
    return new WaitingPosts(Optional.of(post), copies, Math.max(touchedAt, timestamp));
  }

  /** The same with one more copy. */
  WaitingPosts withCopy(AlertingPost copy, long timestamp) {
    List<AlertingPost> more = new ArrayList<>(copies);
    more.add(copy);
    return new WaitingPosts(first, more, Math.max(touchedAt, timestamp));
  }
}

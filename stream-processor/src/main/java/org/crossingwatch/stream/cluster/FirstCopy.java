package org.crossingwatch.stream.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * The value of the fingerprint store: the first alerting post seen with an exact fingerprint and,
 * once the vote store decided it, that post's cluster.
 *
 * @param postKey that post's key; every later identical copy joins its cluster
 * @param touchedAt record time (epoch ms) of the last copy, for expiry
 * @param clusterId the cluster the post joined, once its {@link CopyDecision} came back; empty
 *     until then
 */
public record FirstCopy(String postKey, long touchedAt, Optional<String> clusterId) {
  public FirstCopy {
    Objects.requireNonNull(postKey, "postKey must not be null");
    clusterId = clusterId == null ? Optional.empty() : clusterId;
  }

  /** A first post whose cluster is not decided yet. */
  public FirstCopy(String postKey, long touchedAt) {
    this(postKey, touchedAt, Optional.empty());
  }

  /** The same, touched at {@code timestamp}. */
  FirstCopy touched(long timestamp) {
    return new FirstCopy(postKey, Math.max(touchedAt, timestamp), clusterId);
  }

  /** The same, with the post's cluster decided. */
  FirstCopy decided(String cluster) {
    return new FirstCopy(postKey, touchedAt, Optional.of(cluster));
  }
}

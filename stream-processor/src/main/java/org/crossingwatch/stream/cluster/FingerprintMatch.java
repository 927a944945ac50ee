package org.crossingwatch.stream.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * What the fingerprint store says about one alerting post.
 *
 * @param post the post
 * @param firstCopy the key of the first post with the same exact fingerprint when this post is a
 *     later copy (or the same post delivered again); empty when it is the first
 * @param clusterId when a copy: the cluster of {@link #firstCopy()} if the fingerprint store
 *     already knows it (the copy then goes straight to that cluster); empty otherwise
 */
public record FingerprintMatch(
    AlertingPost post, Optional<String> firstCopy, Optional<String> clusterId) {
  public FingerprintMatch {
    Objects.requireNonNull(post, "post must not be null");
    firstCopy = firstCopy == null ? Optional.empty() : firstCopy;
    clusterId = clusterId == null ? Optional.empty() : clusterId;
    if (clusterId.isPresent() && firstCopy.isEmpty()) {
      throw new IllegalArgumentException(
          "only a copy can know its cluster, '" + post.postKey() + "' is a first post");
    }
  }

  /** The first post of its fingerprint. */
  static FingerprintMatch first(AlertingPost post) {
    return new FingerprintMatch(post, Optional.empty(), Optional.empty());
  }

  /** A copy of {@code first}, whose cluster is {@code clusterId} when known. */
  static FingerprintMatch copyOf(String first, Optional<String> clusterId, AlertingPost post) {
    return new FingerprintMatch(post, Optional.of(first), clusterId);
  }

  /** Whether the post is a later copy of {@link #firstCopy()}. */
  public boolean isCopy() {
    return firstCopy.isPresent();
  }

  /** Whether the post is a copy whose cluster is known, so it skips the vote store. */
  public boolean isClustered() {
    return clusterId.isPresent();
  }
}

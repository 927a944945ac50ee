package org.crossingwatch.stream.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * What the fingerprint store says about one alerting post.
 *
 * @param post the post
 * @param firstCopy the key of the first post with the same exact fingerprint when this post is a
 *     later copy (or the same post delivered again); empty when it is the first
 */
public record FingerprintMatch(AlertingPost post, Optional<String> firstCopy) {
  public FingerprintMatch {
    Objects.requireNonNull(post, "post must not be null");
    firstCopy = firstCopy == null ? Optional.empty() : firstCopy;
  }

  /** Whether the post is a later copy of {@link #firstCopy()}. */
  public boolean isCopy() {
    return firstCopy.isPresent();
  }
}

package org.crossingwatch.stream.cluster;

import java.util.Objects;

/**
 * The value of the fingerprint store: the first alerting post seen with an exact fingerprint.
 *
 * @param postKey that post's key; every later identical copy joins its cluster
 * @param touchedAt record time (epoch ms) of the last copy, for expiry
 */
public record FirstCopy(String postKey, long touchedAt) {
  public FirstCopy {
    Objects.requireNonNull(postKey, "postKey must not be null");
  }
}

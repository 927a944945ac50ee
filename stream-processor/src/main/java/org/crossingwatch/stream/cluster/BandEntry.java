package org.crossingwatch.stream.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * The value of the band store: the first post seen with a band, and when the band was last asked.
 *
 * @param postKey the first post with this band
 * @param collectedAt when that post was collected
 * @param signature its MinHash signature
 * @param touchedAt record time (epoch ms) of the last probe, for expiry
 */
public record BandEntry(String postKey, Instant collectedAt, int[] signature, long touchedAt) {
  public BandEntry {
    Objects.requireNonNull(postKey, "postKey must not be null");
    Objects.requireNonNull(collectedAt, "collectedAt must not be null");
    Objects.requireNonNull(signature, "signature must not be null");
  }
}

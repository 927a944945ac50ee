package org.crossingwatch.stream.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * An alerting post asking the LSH bands that live in one partition of {@code repost-bands} whether
 * an earlier post shares them: one record per partition, not per band, so a post costs at most as
 * many records as there are partitions. Routed by {@link RepostProbes#partitioner()} to partition
 * {@code group}.
 *
 * @param postKey the asking post
 * @param collectedAt when it was collected
 * @param signature its MinHash signature, for building band keys and checking a candidate
 * @param bands the indexes of the bands asked, each in [0, {@value MinHash#BANDS})
 * @param group the band partition these bands belong to ({@link RepostProbes#groupOf})
 * @param groupCount how many probe records the post sent, so its answers can be counted
 */
public record BandProbes(
    String postKey, Instant collectedAt, int[] signature, int[] bands, int group, int groupCount) {
  public BandProbes {
    Objects.requireNonNull(postKey, "postKey must not be null");
    Objects.requireNonNull(collectedAt, "collectedAt must not be null");
    Objects.requireNonNull(signature, "signature must not be null");
    Objects.requireNonNull(bands, "bands must not be null");
    if (group < 0) {
      throw new IllegalArgumentException("group must not be negative, was " + group);
    }
    if (groupCount < 1) {
      throw new IllegalArgumentException("groupCount must be at least 1, was " + groupCount);
    }
  }
}

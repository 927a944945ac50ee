package org.crossingwatch.stream.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The value of the cluster store, rewritten by every post that joins: what changes as reposts come
 * (times, count, channels, latest members) and the cluster's first post as the scored JSON it
 * arrived with, carried as bytes and read only to publish an alert version.
 *
 * @param firstPostJson the first post's {@link org.crossingwatch.model.ScoredPost} JSON (UTF-8)
 * @param firstSeen when the ad was first collected
 * @param lastSeen when it was last collected
 * @param repostCount how many posts joined, the first included
 * @param channels the channels it was seen in, first sighting first
 * @param memberKeys the keys of the cluster's latest posts, oldest first (at most {@code
 *     ClusterUpdater.MEMBER_KEYS_KEPT}), so a post delivered twice counts once
 * @param touchedAt record time (epoch ms) of the last post, for expiry
 */
public record RepostCluster(
    byte[] firstPostJson,
    Instant firstSeen,
    Instant lastSeen,
    int repostCount,
    List<String> channels,
    List<String> memberKeys,
    long touchedAt) {
  public RepostCluster {
    Objects.requireNonNull(firstPostJson, "firstPostJson must not be null");
    Objects.requireNonNull(firstSeen, "firstSeen must not be null");
    Objects.requireNonNull(lastSeen, "lastSeen must not be null");
    if (repostCount < 1) {
      throw new IllegalArgumentException("repostCount must be at least 1, was " + repostCount);
    }
    channels = List.copyOf(Objects.requireNonNull(channels, "channels must not be null"));
    memberKeys = List.copyOf(Objects.requireNonNull(memberKeys, "memberKeys must not be null"));
  }
}

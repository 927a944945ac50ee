package org.crossingwatch.stream.cluster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.ScoredPost;

/**
 * One alerting post asking one LSH band whether an earlier post shares it. Sent on the {@code
 * repost-bands} repartition topic, keyed by the band key.
 *
 * @param postKey the asking post
 * @param collectedAt when it was collected
 * @param signature its MinHash signature, for checking a candidate
 * @param bandCount how many probes the post sent, so the answers can be counted
 * @param scoredPost the post itself, carried by the first band's probe only
 */
public record BandProbe(
    String postKey,
    Instant collectedAt,
    int[] signature,
    int bandCount,
    Optional<ScoredPost> scoredPost) {
  public BandProbe {
    Objects.requireNonNull(postKey, "postKey must not be null");
    Objects.requireNonNull(collectedAt, "collectedAt must not be null");
    Objects.requireNonNull(signature, "signature must not be null");
    scoredPost = scoredPost == null ? Optional.empty() : scoredPost;
  }
}

package org.crossingwatch.stream.cluster;

import java.util.Objects;

/**
 * The cluster decided for the first post of an exact fingerprint, sent back to the fingerprint
 * store on {@code repost-decisions} keyed by that fingerprint, so later identical copies go
 * straight to the cluster.
 *
 * @param firstPostKey the first post of the fingerprint, whose cluster was decided; the fingerprint
 *     store takes the decision only while it still names this post
 * @param clusterId the cluster that post joined
 */
public record CopyDecision(String firstPostKey, String clusterId) {
  public CopyDecision {
    Objects.requireNonNull(firstPostKey, "firstPostKey must not be null");
    Objects.requireNonNull(clusterId, "clusterId must not be null");
  }
}

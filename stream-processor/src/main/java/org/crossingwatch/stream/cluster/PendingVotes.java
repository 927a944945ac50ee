package org.crossingwatch.stream.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of the vote store, kept small because every answer rewrites it: the answers a post has
 * received so far and, once all came and the post itself arrived, the cluster it joined, kept so
 * that identical copies arriving later join it too. The posts themselves wait in {@link
 * WaitingPosts}.
 *
 * @param received how many band partitions answered
 * @param expected how many answers the post waits for; 0 until the first answer says
 * @param candidates the earlier posts the answers named
 * @param postArrived whether the post itself is in the waiting-post store
 * @param clusterId the cluster the post joined, once decided
 * @param touchedAt record time (epoch ms) of the last record, for expiry
 */
public record PendingVotes(
    int received,
    int expected,
    List<Candidate> candidates,
    boolean postArrived,
    Optional<String> clusterId,
    long touchedAt) {
  public PendingVotes {
    candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates must not be null"));
    clusterId = clusterId == null ? Optional.empty() : clusterId;
  }

  /** Nothing yet. */
  static PendingVotes none() {
    return new PendingVotes(0, 0, List.of(), false, Optional.empty(), 0L);
  }

  /** These answers and one more. */
  PendingVotes withAnswer(BandVote answer, long timestamp) {
    List<Candidate> more = new ArrayList<>(candidates);
    more.addAll(answer.candidates());
    return new PendingVotes(
        received + 1,
        answer.expectedAnswers(),
        more,
        postArrived,
        clusterId,
        Math.max(touchedAt, timestamp));
  }

  /** The same, with the post arrived. */
  PendingVotes withPost(long timestamp) {
    return new PendingVotes(
        received, expected, candidates, true, clusterId, Math.max(touchedAt, timestamp));
  }

  /** Whether every answer came and the post is there, so the cluster can be chosen. */
  boolean ready() {
    return clusterId.isEmpty() && postArrived && expected > 0 && received >= expected;
  }

  /** Decided for {@code cluster}: the answers are no longer needed. */
  PendingVotes decided(String cluster) {
    return new PendingVotes(
        received, expected, List.of(), postArrived, Optional.of(cluster), touchedAt);
  }

  /** The same, touched at {@code timestamp}. */
  PendingVotes touched(long timestamp) {
    return new PendingVotes(
        received, expected, candidates, postArrived, clusterId, Math.max(touchedAt, timestamp));
  }
}

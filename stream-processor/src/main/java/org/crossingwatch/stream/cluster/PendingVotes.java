package org.crossingwatch.stream.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.ScoredPost;

/**
 * The value of the vote store: the answers a post has received so far and, once every band
 * answered, the cluster it joined, kept so that identical copies arriving later join it too.
 *
 * @param received how many bands answered
 * @param candidates the earlier posts they named
 * @param scoredPost the post, once the first band's answer came
 * @param clusterId the cluster the post joined, once decided
 * @param copies identical copies of the post waiting for the decision, in arrival order
 * @param touchedAt record time (epoch ms) of the last answer or copy, for expiry
 */
public record PendingVotes(
    int received,
    List<Candidate> candidates,
    Optional<ScoredPost> scoredPost,
    Optional<String> clusterId,
    List<ScoredPost> copies,
    long touchedAt) {
  public PendingVotes {
    candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates must not be null"));
    scoredPost = scoredPost == null ? Optional.empty() : scoredPost;
    clusterId = clusterId == null ? Optional.empty() : clusterId;
    copies = copies == null ? List.of() : List.copyOf(copies);
  }

  /** No answer yet. */
  static PendingVotes none() {
    return new PendingVotes(0, List.of(), Optional.empty(), Optional.empty(), List.of(), 0L);
  }

  /** These answers and one more. */
  PendingVotes with(BandVote vote, long timestamp) {
    List<Candidate> more = new ArrayList<>(candidates);
    vote.candidate().ifPresent(more::add);
    return new PendingVotes(
        received + 1,
        more,
        scoredPost.or(vote::scoredPost),
        clusterId,
        copies,
        Math.max(touchedAt, timestamp));
  }

  /** These answers and one more copy waiting for the decision. */
  PendingVotes withCopy(ScoredPost copy, long timestamp) {
    List<ScoredPost> more = new ArrayList<>(copies);
    more.add(copy);
    return new PendingVotes(
        received, candidates, scoredPost, clusterId, more, Math.max(touchedAt, timestamp));
  }

  /** Decided for {@code cluster}: the answers and the waiting copies are no longer needed. */
  PendingVotes decided(String cluster) {
    return new PendingVotes(
        received, List.of(), Optional.empty(), Optional.of(cluster), List.of(), touchedAt);
  }

  /** The same, touched at {@code timestamp}. */
  PendingVotes touched(long timestamp) {
    return new PendingVotes(
        received, candidates, scoredPost, clusterId, copies, Math.max(touchedAt, timestamp));
  }
}

package org.crossingwatch.stream.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.ScoredPost;

/**
 * The value of the vote store: the answers a post has received so far.
 *
 * @param received how many bands answered
 * @param candidates the earlier posts they named
 * @param scoredPost the post, once the first band's answer came
 * @param touchedAt record time (epoch ms) of the last answer, for expiry
 */
public record PendingVotes(
    int received, List<Candidate> candidates, Optional<ScoredPost> scoredPost, long touchedAt) {
  public PendingVotes {
    candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates must not be null"));
    scoredPost = scoredPost == null ? Optional.empty() : scoredPost;
  }

  /** No answer yet. */
  static PendingVotes none() {
    return new PendingVotes(0, List.of(), Optional.empty(), 0L);
  }

  /** These answers and one more. */
  PendingVotes with(BandVote vote, long timestamp) {
    List<Candidate> more = new ArrayList<>(candidates);
    vote.candidate().ifPresent(more::add);
    return new PendingVotes(
        received + 1, more, scoredPost.or(vote::scoredPost), Math.max(touchedAt, timestamp));
  }
}

package org.crossingwatch.stream.cluster;

import java.util.Optional;

/**
 * What the vote store sends on: a post on its way to its cluster (keyed by cluster id), or the
 * decision for a first post on its way back to the fingerprint store (keyed by exact fingerprint).
 *
 * @param post the post joining its cluster; empty for a decision
 * @param decision the decision; empty for a post
 */
public record VoteResult(Optional<AlertingPost> post, Optional<CopyDecision> decision) {
  public VoteResult {
    post = post == null ? Optional.empty() : post;
    decision = decision == null ? Optional.empty() : decision;
    if (post.isPresent() == decision.isPresent()) {
      throw new IllegalArgumentException(
          "a vote result is either a post or a decision, was " + post + " and " + decision);
    }
  }

  /** {@code post}, joining its cluster. */
  static VoteResult joining(AlertingPost post) {
    return new VoteResult(Optional.of(post), Optional.empty());
  }

  /** {@code decision}, for the fingerprint store. */
  static VoteResult decided(CopyDecision decision) {
    return new VoteResult(Optional.empty(), Optional.of(decision));
  }

  /** Whether this is a decision. */
  public boolean isDecision() {
    return decision.isPresent();
  }
}

package org.crossingwatch.stream.cluster;

import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.ScoredPost;

/**
 * One band's answer to a {@link BandProbe}, or an identical copy sent to wait for the first post's
 * cluster; sent keyed by the asking (first) post's key on the {@code repost-votes} repartition
 * topic.
 *
 * @param postKey the asking post
 * @param bandCount how many answers the post waits for
 * @param candidate the earlier similar post the band knows, if any
 * @param scoredPost the post itself, on the first band's answer only
 * @param copy a later post with the same exact fingerprint as {@code postKey}, which joins the
 *     cluster {@code postKey} joins; such a vote is not a band's answer and is not counted as one
 */
public record BandVote(
    String postKey,
    int bandCount,
    Optional<Candidate> candidate,
    Optional<ScoredPost> scoredPost,
    Optional<ScoredPost> copy) {
  public BandVote {
    Objects.requireNonNull(postKey, "postKey must not be null");
    candidate = candidate == null ? Optional.empty() : candidate;
    scoredPost = scoredPost == null ? Optional.empty() : scoredPost;
    copy = copy == null ? Optional.empty() : copy;
  }

  /** A band's answer to {@code postKey}. */
  static BandVote answer(
      String postKey,
      int bandCount,
      Optional<Candidate> candidate,
      Optional<ScoredPost> scoredPost) {
    return new BandVote(postKey, bandCount, candidate, scoredPost, Optional.empty());
  }

  /**
   * {@code copy}, an identical copy of the post {@code firstCopy}, on its way to that post's
   * cluster.
   *
   * @throws NullPointerException if an argument is null
   */
  public static BandVote copyOf(String firstCopy, ScoredPost copy) {
    Objects.requireNonNull(copy, "copy must not be null");
    return new BandVote(
        firstCopy, MinHash.BANDS, Optional.empty(), Optional.empty(), Optional.of(copy));
  }
}

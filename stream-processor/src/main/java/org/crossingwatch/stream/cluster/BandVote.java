package org.crossingwatch.stream.cluster;

import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.ScoredPost;

/**
 * One band's answer to a {@link BandProbe}, sent back keyed by the asking post's key on the {@code
 * repost-votes} repartition topic.
 *
 * @param postKey the asking post
 * @param bandCount how many answers the post waits for
 * @param candidate the earlier similar post the band knows, if any
 * @param scoredPost the post itself, on the first band's answer only
 */
public record BandVote(
    String postKey, int bandCount, Optional<Candidate> candidate, Optional<ScoredPost> scoredPost) {
  public BandVote {
    Objects.requireNonNull(postKey, "postKey must not be null");
    candidate = candidate == null ? Optional.empty() : candidate;
    scoredPost = scoredPost == null ? Optional.empty() : scoredPost;
  }
}

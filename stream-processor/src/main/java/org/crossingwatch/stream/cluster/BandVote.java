package org.crossingwatch.stream.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reaches the vote store on the {@code repost-votes} repartition topic, keyed by the asking
 * (first) post's key: one band partition's answer, the first post itself, or an identical copy of
 * it. Only answers are counted; the posts wait in the waiting-post store until the decision.
 *
 * @param kind which of the three
 * @param postKey the asking post
 * @param expectedAnswers on an answer: how many answers the post waits for; 0 otherwise
 * @param candidates on an answer: the earlier similar posts its bands know (may repeat)
 * @param post the first post or the copy; empty on an answer
 */
public record BandVote(
    Kind kind,
    String postKey,
    int expectedAnswers,
    List<Candidate> candidates,
    Optional<AlertingPost> post) {
  /** The three kinds of vote record. */
  public enum Kind {
    /** One band partition's answer. */
    ANSWER,
    /** The post that asked the bands. */
    POST,
    /** A later post with the same exact fingerprint as {@code postKey}: it joins that cluster. */
    COPY
  }

  public BandVote {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(postKey, "postKey must not be null");
    candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates must not be null"));
    post = post == null ? Optional.empty() : post;
    if ((kind == Kind.ANSWER) == post.isPresent()) {
      throw new IllegalArgumentException(
          "a " + kind + " vote for '" + postKey + "' must carry a post exactly when not an answer");
    }
  }

  /** One band partition's answer to {@code postKey}. */
  static BandVote answer(String postKey, int expectedAnswers, List<Candidate> candidates) {
    return new BandVote(Kind.ANSWER, postKey, expectedAnswers, candidates, Optional.empty());
  }

  /** {@code post}, the first of its text, on its way to wait for its answers. */
  public static BandVote first(AlertingPost post) {
    Objects.requireNonNull(post, "post must not be null");
    return new BandVote(Kind.POST, post.postKey(), 0, List.of(), Optional.of(post));
  }

  /**
   * {@code copy}, an identical copy of the post {@code firstCopy}, on its way to that post's
   * cluster.
   *
   * @throws NullPointerException if an argument is null
   */
  public static BandVote copyOf(String firstCopy, AlertingPost copy) {
    Objects.requireNonNull(copy, "copy must not be null");
    return new BandVote(Kind.COPY, firstCopy, 0, List.of(), Optional.of(copy));
  }
}

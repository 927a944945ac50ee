package org.crossingwatch.stream.classify;

import java.util.Objects;
import java.util.function.Supplier;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Verdict;
import org.crossingwatch.stream.deadletter.DeadLetter;
import org.crossingwatch.stream.deadletter.Outcome;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.crossingwatch.stream.parse.ParsedPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one post with the current classifier. A text longer than the limit is scored on a copy cut
 * to the limit and the verdict is flagged {@value Verdict#FLAG_TRUNCATED}; the scored post keeps
 * the full text. A post from a record over the size limit ({@link ParsedPost#oversized()}) is
 * always scored on its head, flagged {@value #FLAG_OVERSIZED} as well, and its scored copy keeps
 * only the head (the whole record is in the dead-letter topic), so no output record outgrows the
 * topics' limits. Never throws: when the classifier throws or returns no verdict, the post becomes
 * a {@link DeadLetter} at stage {@value DeadLetter#CLASSIFY} with its original bytes. Thread-safe
 * if the classifier is.
 */
public final class PostScorer {
  /** Flag of a verdict about a post whose record was over the size limit. */
  public static final String FLAG_OVERSIZED = "oversized";

  private static final Logger LOG = LoggerFactory.getLogger(PostScorer.class);

  private final Supplier<PostClassifier> classifier;
  private final int maxTextChars;
  private final PipelineMetrics metrics;

  /**
   * @param classifier asked once per post for the classifier to use, so a rule-set swap takes
   *     effect at the next post
   * @param maxTextChars the longest text scored as is, in UTF-16 chars
   * @param metrics where scored and truncated posts are counted and scores recorded
   */
  public PostScorer(
      Supplier<PostClassifier> classifier, int maxTextChars, PipelineMetrics metrics) {
    this.classifier = Objects.requireNonNull(classifier, "classifier must not be null");
    if (maxTextChars < 1) {
      throw new IllegalArgumentException("maxTextChars must be at least 1, was " + maxTextChars);
    }
    this.maxTextChars = maxTextChars;
    this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
  }

  /** The post with its verdict, or the dead letter that says why the classifier gave none. */
  public Outcome<ScoredPost> score(ParsedPost parsed) {
    Post post = parsed.post();
    boolean truncated = post.text().length() > maxTextChars;
    try {
      Post scoredText = truncated ? post.withText(head(post.text())) : post;
      Verdict verdict = classify(scoredText);
      if (parsed.oversized()) {
        verdict = verdict.withFlag(FLAG_OVERSIZED);
        metrics.postOversized();
      }
      if (truncated) {
        verdict = verdict.withFlag(Verdict.FLAG_TRUNCATED);
        metrics.postTruncated();
      }
      metrics.postScored(verdict);
      return Outcome.success(new ScoredPost(parsed.oversized() ? scoredText : post, verdict));
    } catch (RuntimeException e) {
      String reason = "classifier failed on post '" + post.key() + "': " + DeadLetter.messageOf(e);
      LOG.warn("Dead-lettering: {}", reason, e);
      return Outcome.failure(DeadLetter.of(DeadLetter.CLASSIFY, e, reason, parsed.rawValue()));
    }
  }

  private Verdict classify(Post post) {
    PostClassifier current = classifier.get();
    if (current == null) {
      throw new IllegalStateException("no classifier is available");
    }
    Verdict verdict = current.classify(post);
    if (verdict == null) {
      throw new IllegalStateException(
          "classifier for rule set '" + current.ruleSetVersion() + "' returned no verdict");
    }
    return verdict;
  }

  /** The first {@code maxTextChars} chars, one fewer rather than half a surrogate pair. */
  private String head(String text) {
    int end =
        Character.isHighSurrogate(text.charAt(maxTextChars - 1)) ? maxTextChars - 1 : maxTextChars;
    return text.substring(0, end);
  }
}

package org.crossingwatch.classifier.backtest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Verdict;

/**
 * One post to re-score.
 *
 * @param post the post as captured
 * @param language the language to group it under, for example its label or its verdict's first
 *     detected language ({@code und} when unknown)
 * @param truth whether it is an offer, when known: an officer's decision (confirmed or escalated =
 *     true, false positive = false) or a corpus label; empty when nobody decided
 * @param before the verdict it got from the live rules, when known; otherwise the backtest scores
 *     it with the baseline rules
 */
public record BacktestCase(
    Post post, String language, Optional<Boolean> truth, Optional<Verdict> before) {
  public BacktestCase {
    requireNonNull(post, "post");
    requireNonNull(language, "language");
    requireNonNull(truth, "truth");
    requireNonNull(before, "before");
  }
}

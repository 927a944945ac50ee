package org.crossingwatch.classifier.backtest;

import static java.util.Objects.requireNonNull;

/**
 * Counts and ratios of one rule set on one group of posts. Only posts whose truth is known count in
 * the true/false positives and false negatives.
 *
 * @param group the group's name ({@code all}, a language or a category)
 * @param posts posts in the group
 * @param alerts posts that alerted
 * @param truePositives offers that alerted
 * @param falsePositives non-offers that alerted
 * @param falseNegatives offers that did not alert
 */
public record Quality(
    String group,
    int posts,
    int alerts,
    int truePositives,
    int falsePositives,
    int falseNegatives) {
  public Quality {
    requireNonNull(group, "group");
    if (posts < 0 || alerts < 0 || truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("counts of " + group + " must not be negative");
    }
  }

  /** TP / (TP + FP); NaN when no post of known truth alerted. */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** TP / (TP + FN); NaN when no offer is known. */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}

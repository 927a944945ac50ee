package org.crossingwatch.console.rulestats;

import static java.util.Objects.requireNonNull;

/**
 * One rule's record over a time window.
 *
 * @param ruleId the rule
 * @param hits posts it matched among the window's alerts, reposts included
 * @param alerts alerts it matched (and so contributed to)
 * @param confirmed alerts it matched whose latest decision is confirmed
 * @param escalated alerts it matched whose latest decision is escalated
 * @param falsePositives alerts it matched whose latest decision is false positive
 */
public record RuleStats(
    String ruleId, int hits, int alerts, int confirmed, int escalated, int falsePositives) {
  public RuleStats {
    requireNonNull(ruleId, "ruleId");
    if (hits < 0 || alerts < 0 || confirmed < 0 || escalated < 0 || falsePositives < 0) {
      throw new IllegalArgumentException("counts of rule " + ruleId + " must not be negative");
    }
  }

  /** Alerts with a decision. */
  public int decided() {
    return confirmed + escalated + falsePositives;
  }

  /**
   * The share of decided alerts that officers judged real: (confirmed + escalated) / decided. An
   * escalation counts as real because officers escalate what they take seriously.
   *
   * @return NaN when no alert of the rule was decided
   */
  public double precision() {
    return decided() == 0 ? Double.NaN : (double) (confirmed + escalated) / decided();
  }
}

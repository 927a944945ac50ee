package org.crossingwatch.console.rulestats;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.RuleHit;

/**
 * Computes {@link RuleStats} from alerts (with the rule hits of their verdicts) and officers'
 * decisions. Pure: no I/O, no clock; the same inputs give the same rows. Thread-safe.
 *
 * <p>An alert is in the window when it was last seen in {@code [since, until)}. Each alert counts
 * once for every distinct rule among its hits ({@link #creditedRules(Alert)}); its latest decision
 * (by {@code decidedAt}, later input wins ties), made at any time, says whether it was real.
 * Decisions about alerts outside the window or unknown are ignored.
 */
public final class RuleStatistics {
  /** How rows can be ordered. */
  public enum Order {
    /** Most alerts first, then rule id. */
    VOLUME,
    /** Highest precision first, undecided rules last, then most alerts, then rule id. */
    PRECISION;

    /** The name used on the command line and in URLs. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private RuleStatistics() {}

  /**
   * The rules whose record an alert's decision counts for: the distinct rule ids of its hits, in
   * hit order. Shared with {@link RuleDecisionMeters} so metrics and tables agree.
   */
  public static List<String> creditedRules(Alert alert) {
    return requireNonNull(alert, "alert").verdict().hits().stream()
        .map(RuleHit::ruleId)
        .distinct()
        .toList();
  }

  /**
   * Computes one row per rule that matched an alert of the window.
   *
   * @param alerts the latest version of each alert; may be empty
   * @param decisions every decision, in the order recorded; may be empty
   * @param since start of the window, inclusive
   * @param until end of the window, exclusive
   * @param order how to sort the rows
   * @return the rows; empty when no alert is in the window
   */
  public static List<RuleStats> compute(
      Collection<Alert> alerts,
      Collection<Decision> decisions,
      Instant since,
      Instant until,
      Order order) {
    requireNonNull(alerts, "alerts");
    requireNonNull(decisions, "decisions");
    requireNonNull(since, "since");
    requireNonNull(until, "until");
    requireNonNull(order, "order");
    if (!since.isBefore(until)) {
      throw new IllegalArgumentException(
          "since must be before until, was since=" + since + " until=" + until);
    }
    Map<String, Decision> latest = new HashMap<>();
    for (Decision d : decisions) {
      latest.merge(
          d.alertId(), d, (old, now) -> now.decidedAt().isBefore(old.decidedAt()) ? old : now);
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (Alert alert : alerts) {
      if (alert.lastSeen().isBefore(since) || !alert.lastSeen().isBefore(until)) {
        continue;
      }
      Decision decision = latest.get(alert.alertId());
      for (String ruleId : creditedRules(alert)) {
        int[] c = counts.computeIfAbsent(ruleId, k -> new int[5]);
        c[0] += alert.repostCount();
        c[1]++;
        if (decision != null) {
          c[2 + decision.outcome().ordinal()]++;
        }
      }
    }
    List<RuleStats> rows = new ArrayList<>();
    counts.forEach((id, c) -> rows.add(new RuleStats(id, c[0], c[1], c[2], c[4], c[3])));
    rows.sort(comparator(order));
    return List.copyOf(rows);
  }

  private static Comparator<RuleStats> comparator(Order order) {
    Comparator<RuleStats> byVolume =
        Comparator.comparingInt(RuleStats::alerts).reversed().thenComparing(RuleStats::ruleId);
    if (order == Order.VOLUME) {
      return byVolume;
    }
    return Comparator.comparingDouble(
            (RuleStats s) -> Double.isNaN(s.precision()) ? 1.0 : -s.precision())
        .thenComparing(byVolume);
  }
}

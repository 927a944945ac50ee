package org.crossingwatch.console.rulestats;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.model.Decision;

/**
 * Publishes {@value #DECISIONS} ({@code crossingwatch_rule_decisions_total} in Prometheus) with
 * labels {@code rule} and {@code outcome}: every triage decision counts once for each rule the
 * decided alert matched ({@link RuleStatistics#creditedRules}). Rule ids are bounded by the rule
 * set and outcomes by {@link Decision.Outcome}; no alert or post id is a label.
 *
 * <p>The console rebuilds its view from {@code cw.feedback} at every start, so counting starts over
 * from the topic's beginning. The counters are only registered once the view has caught up ({@code
 * ready}), so the first value Prometheus scrapes after a restart is the whole history again, never
 * less than before: no spurious counter reset. A decision that arrives before its alert is counted
 * when the alert arrives. Thread-safe; listens on the store's writer thread.
 */
public final class RuleDecisionMeters {
  /** The meter's name; Prometheus adds {@code _total}. */
  public static final String DECISIONS = "crossingwatch.rule.decisions";

  private final AlertStore store;
  private final MeterRegistry registry;
  private final BooleanSupplier ready;
  private final Map<String, Integer> countedPerAlert = new HashMap<>();
  private final Map<List<String>, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<List<String>, Boolean> registered = new ConcurrentHashMap<>();

  private RuleDecisionMeters(AlertStore store, MeterRegistry registry, BooleanSupplier ready) {
    this.store = store;
    this.registry = registry;
    this.ready = ready;
  }

  /**
   * Starts counting the store's decisions.
   *
   * @param store the console's view; listened to from now on
   * @param registry where the counters are registered
   * @param ready true once the view holds everything that was on the topics at start
   */
  public static RuleDecisionMeters bind(
      AlertStore store, MeterRegistry registry, BooleanSupplier ready) {
    RuleDecisionMeters meters =
        new RuleDecisionMeters(
            requireNonNull(store, "store"),
            requireNonNull(registry, "registry"),
            requireNonNull(ready, "ready"));
    store.onChange(meters::changed);
    return meters;
  }

  /** The count so far for one rule and outcome, registered or not yet; for tests and tools. */
  public long count(String ruleId, Decision.Outcome outcome) {
    AtomicLong count = counts.get(List.of(ruleId, label(outcome)));
    return count == null ? 0 : count.get();
  }

  private synchronized void changed(String alertId) {
    store
        .alert(alertId)
        .ifPresent(
            record -> {
              List<Decision> history = store.history(alertId);
              int counted = countedPerAlert.getOrDefault(alertId, 0);
              List<String> rules = RuleStatistics.creditedRules(record.alert());
              for (Decision decision : history.subList(counted, history.size())) {
                for (String rule : rules) {
                  counts
                      .computeIfAbsent(
                          List.of(rule, label(decision.outcome())), k -> new AtomicLong())
                      .incrementAndGet();
                }
              }
              countedPerAlert.put(alertId, history.size());
            });
    if (ready.getAsBoolean()) {
      counts.forEach(
          (key, count) ->
              registered.computeIfAbsent(
                  key,
                  k -> {
                    FunctionCounter.builder(DECISIONS, count, AtomicLong::get)
                        .description(
                            "Triage decisions on alerts each rule contributed to, by outcome")
                        .tag("rule", k.get(0))
                        .tag("outcome", k.get(1))
                        .register(registry);
                    return Boolean.TRUE;
                  }));
    }
  }

  private static String label(Decision.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }
}

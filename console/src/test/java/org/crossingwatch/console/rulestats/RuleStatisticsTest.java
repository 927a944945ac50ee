package org.crossingwatch.console.rulestats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.Decision.Outcome;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.Test;

class RuleStatisticsTest {
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

  static Alert alert(String id, String text, Instant seen, int reposts, String... rules) {
    Post post =
        new Post(
            0,
            null,
            "telegram",
            "chan",
            id,
            Optional.empty(),
            Optional.empty(),
            text,
            Optional.empty(),
            Optional.empty(),
            seen,
            List.of(),
            Optional.empty(),
            "00");
    List<RuleHit> hits =
        java.util.Arrays.stream(rules)
            .map(r -> new RuleHit(r, "crossing_offer", "any", 2))
            .toList();
    Verdict verdict =
        new Verdict(
            0, post.key(), 0.9, true, hits, Map.of(), List.of(), "rules-1", seen, List.of());
    return new Alert(0, Alert.idFor(post.key()), post, verdict, seen, seen, reposts, List.of());
  }

  static Decision decision(Alert alert, Outcome outcome, int minute) {
    return new Decision(
        0, alert.alertId(), outcome, "olga", Optional.empty(), DAY.plusSeconds(60L * minute));
  }

  private static final Alert BOAT_AR =
      alert("1", "رحلة بحرية إلى إيطاليا", DAY, 3, "ar.boat", "any.money");
  private static final Alert BOAT_FR = alert("2", "Passage en Angleterre", DAY, 1, "fr.passage");
  private static final Alert PASSPORT =
      alert("3", "Паспорт ЕС", DAY, 1, "ru.passport", "any.money");
  private static final Alert MONEY = alert("4", "💶💶", DAY, 2, "any.money");
  private static final Alert OLD =
      alert("5", "old boat", DAY.minusSeconds(30 * 86_400L), 1, "ar.boat");

  private static final List<Decision> DECISIONS =
      List.of(
          decision(BOAT_AR, Outcome.FALSE_POSITIVE, 1),
          // The officer changed their mind: the latest decision counts.
          decision(BOAT_AR, Outcome.CONFIRMED, 2),
          decision(BOAT_FR, Outcome.FALSE_POSITIVE, 3),
          decision(PASSPORT, Outcome.ESCALATED, 4),
          decision(MONEY, Outcome.FALSE_POSITIVE, 5),
          decision(OLD, Outcome.FALSE_POSITIVE, 6));

  @Test
  void precisionPerRuleComesFromTheLatestDecisionOfEachAlertInTheWindow() {
    List<RuleStats> rows =
        RuleStatistics.compute(
            List.of(BOAT_AR, BOAT_FR, PASSPORT, MONEY, OLD),
            DECISIONS,
            DAY.minusSeconds(7 * 86_400L),
            DAY.plusSeconds(86_400),
            RuleStatistics.Order.PRECISION);

    assertThat(rows)
        .containsExactly(
            new RuleStats("ar.boat", 3, 1, 1, 0, 0),
            new RuleStats("ru.passport", 1, 1, 0, 1, 0),
            new RuleStats("any.money", 6, 3, 1, 1, 1),
            new RuleStats("fr.passage", 1, 1, 0, 0, 1));
    assertThat(rows).extracting(RuleStats::precision).containsExactly(1.0, 1.0, 2.0 / 3, 0.0);
  }

  @Test
  void volumeOrderPutsTheBusiestRuleFirstAndUndecidedRulesHaveNoPrecision() {
    List<RuleStats> rows =
        RuleStatistics.compute(
            List.of(BOAT_AR, BOAT_FR, PASSPORT, MONEY),
            List.of(),
            DAY,
            DAY.plusSeconds(1),
            RuleStatistics.Order.VOLUME);

    assertThat(rows)
        .extracting(RuleStats::ruleId)
        .containsExactly("any.money", "ar.boat", "fr.passage", "ru.passport");
    assertThat(rows.get(0).precision()).isNaN();
  }

  @Test
  void emptyWindowIsRefusedWithBothBounds() {
    assertThatThrownBy(
            () ->
                RuleStatistics.compute(List.of(), List.of(), DAY, DAY, RuleStatistics.Order.VOLUME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "since must be before until, was since=2026-11-20T00:00:00Z until=2026-11-20T00:00:00Z");
  }

  @Test
  void decisionsCounterCountsEveryDecisionPerRuleOnlyOnceTheViewCaughtUp() {
    AlertStore store = new AlertStore();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AtomicBoolean caughtUp = new AtomicBoolean(false);
    RuleDecisionMeters meters = RuleDecisionMeters.bind(store, registry, caughtUp::get);

    // A decision read before its alert is counted when the alert arrives.
    store.decide(DECISIONS.get(0));
    store.upsert(AlertRecord.of(BOAT_AR));
    store.decide(DECISIONS.get(1));
    assertThat(registry.scrape()).doesNotContain("crossingwatch_rule_decisions_total");

    caughtUp.set(true);
    store.decide(DECISIONS.get(2));
    store.upsert(AlertRecord.of(BOAT_FR));

    assertThat(meters.count("ar.boat", Outcome.FALSE_POSITIVE)).isEqualTo(1);
    assertThat(
            registry
                .scrape()
                .lines()
                .filter(l -> l.startsWith("crossingwatch_rule_decisions_total"))
                .sorted())
        .containsExactly(
            "crossingwatch_rule_decisions_total{outcome=\"confirmed\",rule=\"any.money\"} 1.0",
            "crossingwatch_rule_decisions_total{outcome=\"confirmed\",rule=\"ar.boat\"} 1.0",
            "crossingwatch_rule_decisions_total{outcome=\"false_positive\",rule=\"any.money\"} 1.0",
            "crossingwatch_rule_decisions_total{outcome=\"false_positive\",rule=\"ar.boat\"} 1.0",
            "crossingwatch_rule_decisions_total{outcome=\"false_positive\",rule=\"fr.passage\"} 1.0");
  }
}

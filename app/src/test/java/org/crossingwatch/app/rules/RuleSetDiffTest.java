package org.crossingwatch.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Rule;
import org.junit.jupiter.api.Test;

class RuleSetDiffTest {
  private static Rule rule(String id, String query, double weight) {
    return new Rule(
        0, id, "any", "crossing_offer", query, weight, Optional.empty(), List.of(), List.of());
  }

  @Test
  void addedChangedAndRemovedIdsAreSortedAndUnchangedOnesLeftOut() {
    Map<String, String> live =
        Map.of(
            "ar.boat", Json.write(rule("ar.boat", "قارب", 2.0)),
            "ru.passport", Json.write(rule("ru.passport", "паспорт", 1.5)),
            "fr.passage", Json.write(rule("fr.passage", "passage", 2.0)));

    RuleSetDiff diff =
        RuleSetDiff.of(
            live,
            List.of(
                rule("ru.passport", "паспорт", 1.5),
                rule("fr.passage", "\"passage en angleterre\"", 2.0),
                rule("es.lancha", "lancha", 2.5),
                rule("en.zorbo", "zorbo", 4.5)));

    assertThat(diff)
        .isEqualTo(
            new RuleSetDiff(
                List.of("en.zorbo", "es.lancha"), List.of("fr.passage"), List.of("ar.boat")));
    assertThat(diff.isEmpty()).isFalse();
    assertThat(RuleSetDiff.of(Map.of(), List.of()).isEmpty()).isTrue();
  }
}

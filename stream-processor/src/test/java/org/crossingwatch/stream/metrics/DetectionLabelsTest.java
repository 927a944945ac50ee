package org.crossingwatch.stream.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.Test;

class DetectionLabelsTest {
  @Test
  void platformsAreLowerCasedAndUnknownOnesAreOther() {
    assertThat(
            List.of("telegram", "Telegram", "TIKTOK", "x", "rss", "myspace", "telegram-export")
                .stream()
                .map(DetectionLabels::platform))
        .containsExactly("telegram", "telegram", "tiktok", "x", "rss", "other", "other");
  }

  @Test
  void languageIsTheMainDetectedOneWhenTheDetectorKnowsIt() {
    assertThat(DetectionLabels.language(verdict(List.of("ckb", "ar"), Map.of(), List.of())))
        .isEqualTo("ckb");
    assertThat(DetectionLabels.language(verdict(List.of("ur-Latn"), Map.of(), List.of())))
        .isEqualTo("ur-Latn");
  }

  @Test
  void languageHintsTheDetectorDoesNotKnowAreOtherAndNoLanguageIsUnd() {
    assertThat(DetectionLabels.language(verdict(List.of("fa-IR"), Map.of(), List.of())))
        .isEqualTo("other");
    assertThat(DetectionLabels.language(verdict(List.of("zz"), Map.of(), List.of())))
        .isEqualTo("other");
    assertThat(DetectionLabels.language(verdict(List.of(), Map.of(), List.of()))).isEqualTo("und");
  }

  @Test
  void categoryIsTheLargestPositiveCategoryContributionIgnoringOtherFeatures() {
    Verdict verdict =
        verdict(
            List.of("ar"),
            Map.of(
                "bias", 4.0,
                "entity_phone", 3.0,
                "price", 1.1,
                "route", 1.7,
                "news", -2.5),
            List.of(new RuleHit("ar.price", "price", "ar", 1.1)));

    assertThat(DetectionLabels.category(verdict)).isEqualTo("route");
  }

  @Test
  void tiedCategoriesGiveTheAlphabeticallyFirst() {
    assertThat(
            DetectionLabels.category(
                verdict(
                    List.of("fr"),
                    Map.of("pay_on_arrival", 1.0, "documents", 1.0, "contact", 0.5),
                    List.of())))
        .isEqualTo("documents");
  }

  @Test
  void withoutPositiveContributionsTheFirstHitsCategoryCountsElseNone() {
    List<RuleHit> hits =
        List.of(
            new RuleHit("en.lorry", "crossing_offer", "en", 2.0),
            new RuleHit("any.guarantee", "guarantee", "any", 0.8));

    assertThat(DetectionLabels.category(verdict(List.of("en"), Map.of("news", -1.0), hits)))
        .isEqualTo("crossing_offer");
    assertThat(DetectionLabels.category(verdict(List.of("en"), Map.of(), List.of())))
        .isEqualTo("none");
    assertThat(
            DetectionLabels.category(
                verdict(
                    List.of("en"), Map.of(), List.of(new RuleHit("x.1", "smuggling", "en", 1.0)))))
        .isEqualTo("other");
  }

  private static Verdict verdict(
      List<String> languages, Map<String, Double> contributions, List<RuleHit> hits) {
    return new Verdict(
        1,
        "telegram:rihla:1",
        0.9,
        true,
        hits,
        contributions,
        languages,
        "rules-1",
        Instant.parse("2025-03-01T12:00:00Z"),
        List.of());
  }
}

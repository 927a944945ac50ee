package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.crossingwatch.model.RuleHit;
import org.junit.jupiter.api.Test;

class LogOddsScorerTest {

  @Test
  void eachCategoryCountsOnceWithItsStrongestWeight() {
    LogOddsScorer.Score score =
        new LogOddsScorer(-3.0)
            .score(
                List.of(
                    new RuleHit("fr.a", "crossing_offer", "fr", 1.0),
                    new RuleHit("fr.b", "crossing_offer", "fr", 2.5),
                    new RuleHit("neg.a", "law_enforcement", "any", -2.0),
                    new RuleHit("neg.b", "law_enforcement", "any", -3.0),
                    new RuleHit("any.c", "contact", "any", 1.0)));

    assertThat(score.contributions())
        .isEqualTo(
            Map.of("bias", -3.0, "crossing_offer", 2.5, "law_enforcement", -3.0, "contact", 1.0));
    assertThat(score.contributions().keySet())
        .containsExactly("bias", "crossing_offer", "law_enforcement", "contact");
    assertThat(score.logOdds()).isEqualTo(-2.5);
    assertThat(score.probability()).isEqualTo(1.0 / (1.0 + Math.exp(2.5)));
  }

  @Test
  void noHitsScoreTheBias() {
    LogOddsScorer.Score score = new LogOddsScorer(0.0).score(List.of());

    assertThat(score.contributions()).isEqualTo(Map.of("bias", 0.0));
    assertThat(score.probability()).isEqualTo(0.5);
  }

  @Test
  void rejectsAnInfiniteBias() {
    assertThatThrownBy(() -> new LogOddsScorer(Double.POSITIVE_INFINITY))
        .hasMessage("bias must be finite, was Infinity");
  }
}

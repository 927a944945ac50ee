package org.crossingwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.Test;

class AlertLineTest {
  private static Alert alert(String text, List<String> languages) {
    Post post =
        new Post(
            1,
            null,
            "telegram",
            "zuwara_trips",
            "1001",
            Optional.empty(),
            Optional.empty(),
            text,
            Optional.empty(),
            Optional.empty(),
            Instant.parse("2026-11-01T08:05:00Z"),
            List.of(),
            Optional.empty(),
            "ab");
    Verdict verdict =
        new Verdict(
            1,
            post.key(),
            0.934,
            true,
            List.of(
                new RuleHit("ar.sea", "crossing_offer", "ar", 2.0),
                new RuleHit("any.price", "price", "any", 1.0)),
            Map.of(),
            languages,
            "rules-1",
            Instant.parse("2026-11-01T08:05:01Z"),
            List.of());
    return Alert.firstSighting(post, verdict);
  }

  @Test
  void lineHasTimeScoreLanguagesSourceCategoriesThenTheText() {
    String line = AlertLine.format(alert("رحلة بحرية من زوارة\nالسعر ٣٥٠٠ دينار", List.of("ar")));

    assertThat(line)
        .isEqualTo(
            "ALERT 2026-11-01 08:05:00  0.93  ar     telegram/zuwara_trips         "
                + "crossing_offer,price              "
                + "رحلة بحرية من زوارة السعر ٣٥٠٠ دينار");
  }

  @Test
  void longTextIsCutAtAWordWithAnEllipsisAndMixedLanguagesAreJoined() {
    String text = "Passage en Angleterre par camion ".repeat(5);

    String line = AlertLine.format(alert(text, List.of("fr", "ar")));

    assertThat(line).contains("  fr+ar  ").endsWith("Passage en Angleterre par camion …");
    assertThat(AlertLine.firstWords(text)).hasSizeLessThanOrEqualTo(72);
  }
}

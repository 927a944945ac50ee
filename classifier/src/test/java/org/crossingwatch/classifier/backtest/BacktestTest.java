package org.crossingwatch.classifier.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.Test;

class BacktestTest {
  /** Alerts (score 0.9) when the text holds one of its words; each word is a rule of its own. */
  private record Words(List<String> words) implements PostClassifier {
    @Override
    public Verdict classify(Post post) {
      List<RuleHit> hits =
          words.stream()
              .filter(w -> post.text().toLowerCase(Locale.ROOT).contains(w))
              .map(w -> new RuleHit("rule." + w, "crossing_offer", "any", 2.0))
              .toList();
      return new Verdict(
          0,
          post.key(),
          hits.isEmpty() ? 0.1 : 0.9,
          !hits.isEmpty(),
          hits,
          Map.of(),
          List.of(),
          "rules-" + String.join("-", words),
          Instant.EPOCH,
          List.of());
    }

    @Override
    public String ruleSetVersion() {
      return "rules-" + String.join("-", words);
    }
  }

  private static BacktestCase post(String id, String lang, Boolean truth, String text) {
    Post post =
        new Post(
            0,
            null,
            "telegram",
            "test",
            id,
            Optional.empty(),
            Optional.empty(),
            text,
            Optional.empty(),
            Optional.empty(),
            Instant.EPOCH,
            List.of(),
            Optional.empty(),
            "00");
    return new BacktestCase(post, lang, Optional.ofNullable(truth), Optional.empty());
  }

  private static final List<BacktestCase> CORPUS =
      List.of(
          post("1", "en", true, "Boat to Italy, 2000€"),
          post("2", "es", true, "Lancha a España, pago al llegar"),
          post("3", "es", false, "Lancha de pesca en venta"),
          post("4", "en", false, "Boat tour of the lagoon"),
          post("5", "ar", null, "قارب إلى إيطاليا"),
          post("6", "ru", true, "Паспорт ЕС за 3000$"),
          post("7", "it", true, "Gommone per Lampedusa"));

  @Test
  void candidateThatTradesOneWordForAnotherGainsAndLosesTheKnownPosts() {
    List<Integer> progress = new ArrayList<>();
    BacktestReport report =
        Backtest.run(
            CORPUS,
            new Words(List.of("boat", "gommone")),
            new Words(List.of("boat", "lancha")),
            progress::add);

    assertThat(report.before()).isEqualTo(new Quality("all", 7, 3, 2, 1, 2));
    assertThat(report.after()).isEqualTo(new Quality("all", 7, 4, 2, 2, 2));
    assertThat(report.before().precision()).isEqualTo(2.0 / 3);
    assertThat(report.after().precision()).isEqualTo(0.5);
    assertThat(report.before().recall()).isEqualTo(0.5);
    assertThat(report.after().recall()).isEqualTo(0.5);
    assertThat(report.byLanguage())
        .containsExactly(
            new BacktestReport.Row(
                "ar", new Quality("ar", 1, 0, 0, 0, 0), new Quality("ar", 1, 0, 0, 0, 0)),
            new BacktestReport.Row(
                "en", new Quality("en", 2, 2, 1, 1, 0), new Quality("en", 2, 2, 1, 1, 0)),
            new BacktestReport.Row(
                "es", new Quality("es", 2, 0, 0, 0, 1), new Quality("es", 2, 2, 1, 1, 0)),
            new BacktestReport.Row(
                "it", new Quality("it", 1, 1, 1, 0, 0), new Quality("it", 1, 0, 0, 0, 1)),
            new BacktestReport.Row(
                "ru", new Quality("ru", 1, 0, 0, 0, 1), new Quality("ru", 1, 0, 0, 0, 1)));
    assertThat(report.byCategory())
        .containsExactly(
            new BacktestReport.Row(
                "crossing_offer",
                new Quality("crossing_offer", 5, 3, 2, 1, 1),
                new Quality("crossing_offer", 5, 4, 2, 2, 1)));
    assertThat(report.gained())
        .containsExactly(
            new Change(
                "telegram:test:2",
                "Lancha a España, pago al llegar",
                0.1,
                0.9,
                Optional.of(true),
                List.of("rule.lancha"),
                List.of()),
            new Change(
                "telegram:test:3",
                "Lancha de pesca en venta",
                0.1,
                0.9,
                Optional.of(false),
                List.of("rule.lancha"),
                List.of()));
    assertThat(report.lost())
        .containsExactly(
            new Change(
                "telegram:test:7",
                "Gommone per Lampedusa",
                0.9,
                0.1,
                Optional.of(true),
                List.of(),
                List.of("rule.gommone")));
    assertThat(report.scoresBefore()).containsExactly(0.9, 0.1, 0.1, 0.9, 0.1, 0.1, 0.9);
    assertThat(report.scoresAfter()).containsExactly(0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1);
    assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void liveVerdictCarriedByACaseIsUsedInsteadOfTheBaseline() {
    BacktestCase scored = CORPUS.get(5);
    Verdict live = new Words(List.of("паспорт")).classify(scored.post());
    BacktestCase withLive =
        new BacktestCase(scored.post(), "ru", scored.truth(), Optional.of(live));

    BacktestReport report =
        Backtest.run(List.of(withLive), new Words(List.of()), new Words(List.of()), n -> {});

    assertThat(report.before()).isEqualTo(new Quality("all", 1, 1, 1, 0, 0));
    assertThat(report.after()).isEqualTo(new Quality("all", 1, 0, 0, 0, 1));
    assertThat(report.lost())
        .extracting(Change::rulesRemoved)
        .containsExactly(List.of("rule.паспорт"));
  }
}

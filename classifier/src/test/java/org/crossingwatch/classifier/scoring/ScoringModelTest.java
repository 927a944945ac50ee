package org.crossingwatch.classifier.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.RuleHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringModelTest {

  @Test
  void shippedModelIsTrainedOnTheCorpusAndWeighsEveryFeature() {
    ScoringModel model = ScoringModel.shipped();

    assertThat(model.formatVersion()).isEqualTo(1);
    assertThat(model.version()).startsWith("scoring-v1-");
    assertThat(model.corpusSha256()).matches("[0-9a-f]{64}");
    assertThat(model.trainingPosts()).isGreaterThan(600);
    assertThat(model.features()).isEqualTo(Features.NAMES);
    assertThat(model.threshold()).isEqualTo(0.5);
  }

  @Test
  void contributionsAreWeightTimesValueAndSumToTheLogOdds() {
    ScoringModel model =
        new ScoringModel(
            1,
            "test",
            "untrained",
            "none",
            0,
            0,
            -2.0,
            0.5,
            List.of("crossing_offer", "news", Features.PHONE, Features.OFFER_AND_CONTACT),
            List.of(0.5, 1.0, 2.0, 1.5));
    Map<String, Double> features =
        Features.of(
            List.of(
                new RuleHit("en.boat", "crossing_offer", "en", 3.0),
                new RuleHit("en.trip", "crossing_offer", "en", 2.0),
                new RuleHit("en.news", "news", "en", -2.0)),
            List.of(
                new ExtractedEntity(
                    ExtractedEntity.Type.PHONE,
                    "+44 7700 900123",
                    "+447700900123",
                    0,
                    15,
                    Map.of())));

    ScoringModel.Score score = model.score(features);

    assertThat(score.contributions())
        .containsExactly(
            Map.entry("bias", -2.0),
            Map.entry("crossing_offer", 1.5),
            Map.entry("news", -2.0),
            Map.entry(Features.PHONE, 2.0),
            Map.entry(Features.OFFER_AND_CONTACT, 1.5));
    assertThat(score.logOdds()).isCloseTo(1.0, within(1e-12));
    assertThat(score.probability()).isCloseTo(1 / (1 + Math.exp(-1.0)), within(1e-12));
  }

  @Test
  void writesAndReadsTheSameModel(@TempDir Path dir) throws Exception {
    ScoringModel model = ScoringModel.ruleWeights(-3.0, 0.7);
    Path file = dir.resolve("nested/model.json");

    model.write(file);

    assertThat(ScoringModel.read(file)).isEqualTo(model);
    assertThat(Files.readString(file)).contains("\"formatVersion\" : 1");
  }

  @Test
  void rejectsAModelWithAnUnknownFeature() {
    String json =
        """
        {"formatVersion":1,"version":"x","trainedAt":"t","corpusSha256":"none","trainingPosts":0,
         "l2":0,"bias":0,"threshold":0.5,"features":["boat_emoji"],"weights":[1]}
        """;

    assertThatThrownBy(
            () ->
                ScoringModel.read(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Invalid scoring model m.json: model feature 'boat_emoji' is not one of [crossing_offer,");
  }

  @Test
  void logisticRegressionLearnsThatPhonesWithOffersAreOffers() {
    Map<String, Double> offer = Map.of("crossing_offer", 2.0, Features.PHONE, 1.0);
    Map<String, Double> news = Map.of("crossing_offer", 2.0, "news", -2.0);
    Map<String, Double> chat = Map.of();

    double[] w =
        new LogisticRegression(0.001, 0.5, 5_000)
            .fit(List.of(offer, offer, news, chat, chat), List.of(1, 1, 0, 0, 0));

    int phone = 1 + Features.NAMES.indexOf(Features.PHONE);
    assertThat(w[phone]).isPositive();
    assertThat(w[0]).isNegative();
  }
}

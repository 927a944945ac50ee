package org.crossingwatch.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
  private static final JsonSerde<Post> POSTS = JsonSerde.of(Post.class);

  private static Post arabicOffer() {
    return new Post(
        0,
        null,
        "telegram",
        "safar_europa",
        "4711",
        Optional.of("https://t.me/safar_europa/4711"),
        Optional.of("Abu Omar"),
        "رحلة بحرية من زوارة إلى لامبيدوزا 🚤 السعر 3000$ واتساب +218 91 234 5678",
        Optional.of("ar"),
        Optional.of(Instant.parse("2026-11-01T08:00:00Z")),
        Instant.parse("2026-11-01T08:05:00Z"),
        List.of("https://wa.me/218912345678"),
        Optional.empty(),
        "a3f1");
  }

  @Test
  void postRoundTripsWithNonLatinTextAndDerivedKey() {
    Post post = arabicOffer();

    Post back = POSTS.deserialize("cw.posts.raw", POSTS.serialize("cw.posts.raw", post));

    assertThat(back).isEqualTo(post);
    assertThat(back.key()).isEqualTo("telegram:safar_europa:4711");
    assertThat(back.schemaVersion()).isEqualTo(SchemaVersion.CURRENT);
  }

  @Test
  void unknownFieldsAreIgnoredAndAbsentOptionalsAreEmpty() {
    String json =
        """
        {"platform":"jsonl","channel":"c","externalId":"1","text":"hello",
         "collectedAt":"2026-11-01T00:00:00Z","captureSha256":"ab",
         "addedByANewerWriter":{"x":1}}
        """;

    Post post = POSTS.deserialize("t", json.getBytes(UTF_8));

    assertThat(post.author()).isEmpty();
    assertThat(post.links()).isEmpty();
    assertThat(post.key()).isEqualTo("jsonl:c:1");
  }

  @Test
  void missingRequiredFieldIsRejectedWithItsName() {
    String json =
        """
        {"platform":"jsonl","channel":"c","externalId":"1",
         "collectedAt":"2026-11-01T00:00:00Z","captureSha256":"ab"}
        """;

    assertThatThrownBy(() -> POSTS.deserialize("t", json.getBytes(UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Invalid Post JSON: missing required field 'text' in Post");
  }

  @Test
  void keyThatDisagreesWithItsPartsIsRejected() {
    String json =
        """
        {"key":"x:y:z","platform":"jsonl","channel":"c","externalId":"1","text":"t",
         "collectedAt":"2026-11-01T00:00:00Z","captureSha256":"ab"}
        """;

    assertThatThrownBy(() -> POSTS.deserialize("t", json.getBytes(UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Invalid Post JSON: Post key 'x:y:z' does not match platform:channel:externalId"
                + " 'jsonl:c:1'");
  }

  @Test
  void undecodableBytesAreRejectedAsUndecodable() {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b};

    assertThatThrownBy(() -> POSTS.deserialize("t", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Undecodable Post JSON: ");
  }

  @Test
  void nullBytesAreATombstone() {
    assertThat(POSTS.deserialize("t", null)).isNull();
    assertThat(POSTS.serialize("t", null)).isNull();
  }

  @Test
  void alertIdIsStableAndVerdictCarriesCategoriesInHitOrder() {
    Post post = arabicOffer();
    Verdict verdict =
        new Verdict(
            1,
            post.key(),
            0.93,
            true,
            List.of(
                new RuleHit("ar.boat", "crossing_offer", "ar", 2.0),
                new RuleHit("any.price", "price", "any", 0.5),
                new RuleHit("ar.boat2", "crossing_offer", "ar", 1.0)),
            Map.of("crossing_offer", 2.0, "price", 0.5),
            List.of("ar"),
            "rules@1",
            Instant.parse("2026-11-01T08:05:01Z"),
            List.of());

    Alert alert = Alert.firstSighting(post, verdict);
    Alert back =
        JsonSerde.of(Alert.class).deserialize("t", JsonSerde.of(Alert.class).serialize("t", alert));

    assertThat(alert.alertId())
        .isEqualTo(Alert.idFor("telegram:safar_europa:4711"))
        .startsWith("cw-")
        .hasSize(19);
    assertThat(back).isEqualTo(alert);
    assertThat(verdict.categories()).containsExactly("crossing_offer", "price");
    assertThat(verdict.withFlag(Verdict.FLAG_TRUNCATED).flags()).containsExactly("truncated");
  }

  @Test
  void alertLinksRoundTripAndAlertJsonWithoutLinksReadsAsNoLinks() {
    Post post = arabicOffer();
    Alert plain =
        Alert.firstSighting(
            post,
            new Verdict(
                1,
                post.key(),
                0.9,
                true,
                List.of(),
                Map.of(),
                List.of("ar"),
                "rules@1",
                Instant.parse("2026-11-01T08:05:01Z"),
                List.of()));
    EntityLink phone =
        new EntityLink(
            "phone:+218912345678",
            "PHONE",
            2,
            2,
            Instant.parse("2026-11-01T08:00:00Z"),
            Instant.parse("2026-11-01T09:30:00Z"));
    Alert linked = plain.withLinks(List.of(phone));
    String json = Json.write(plain);
    // As written before alerts had links: the alert's last field was its channels.
    String oldJson = json.substring(0, json.lastIndexOf(",\"links\":[]")) + "}";

    assertThat(Json.read(Json.write(linked), Alert.class)).isEqualTo(linked);
    assertThat(oldJson).endsWith("\"channels\":[\"telegram:safar_europa\"]}");
    assertThat(Json.read(oldJson, Alert.class)).isEqualTo(plain);
    assertThat(Json.read(oldJson, Alert.class).links()).isEmpty();
  }

  @Test
  void entityLinkOfASingleAlertIsRejected() {
    assertThatThrownBy(
            () ->
                new EntityLink(
                    "handle:@rihla",
                    "HANDLE",
                    1,
                    1,
                    Instant.parse("2026-11-01T08:00:00Z"),
                    Instant.parse("2026-11-01T08:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EntityLink alertCount must be at least 2 (a link joins alerts), was 1");
  }

  @Test
  void verdictKeepsContributionsInTheOrderGivenSoItsJsonIsTheSameOnEveryRun() {
    Map<String, Double> contributions = new LinkedHashMap<>();
    contributions.put("bias", -3.25);
    for (String feature :
        List.of(
            "smuggling_service",
            "transport_mode",
            "route",
            "price",
            "payment_terms",
            "contact",
            "guarantee",
            "documents",
            "news_report",
            "offer_x_contact",
            "offer_x_price")) {
      contributions.put(feature, feature.length() / 4.0);
    }
    Verdict verdict =
        new Verdict(
            1,
            "telegram:safar_europa:4711",
            0.5,
            false,
            List.of(),
            contributions,
            List.of("ar"),
            "rules@1",
            Instant.EPOCH,
            List.of());

    String json = Json.write(verdict);

    assertThat(verdict.contributions().keySet()).containsExactlyElementsOf(contributions.keySet());
    assertThat(json)
        .contains(
            "\"contributions\":{\"bias\":-3.25,\"smuggling_service\":4.25,"
                + "\"transport_mode\":3.5,\"route\":1.25,\"price\":1.25,"
                + "\"payment_terms\":3.25,\"contact\":1.75,\"guarantee\":2.25,"
                + "\"documents\":2.25,\"news_report\":2.75,\"offer_x_contact\":3.75,"
                + "\"offer_x_price\":3.25}");
    assertThat(Json.read(json, Verdict.class).contributions().keySet())
        .containsExactlyElementsOf(contributions.keySet());
    assertThatThrownBy(() -> verdict.contributions().put("route", 0.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void verdictWithANullContributionIsRejectedWithTheFeatureName() {
    Map<String, Double> contributions = new HashMap<>();
    contributions.put("price", null);

    assertThatThrownBy(
            () ->
                new Verdict(
                    1,
                    "k",
                    0.5,
                    false,
                    List.of(),
                    contributions,
                    List.of(),
                    "v",
                    Instant.EPOCH,
                    List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("map value for key 'price' must not be null");
  }

  @Test
  void scoreOutsideUnitIntervalIsRejected() {
    assertThatThrownBy(
            () ->
                new Verdict(
                    1,
                    "k",
                    1.5,
                    true,
                    List.of(),
                    Map.of(),
                    List.of(),
                    "v",
                    Instant.EPOCH,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Verdict score must be in [0,1], was 1.5");
  }

  @Test
  void decisionAndRuleReadFromJson() {
    Decision decision =
        Json.read(
            """
            {"alertId":"cw-1","outcome":"FALSE_POSITIVE","officer":"o.k",
             "decidedAt":"2026-11-02T10:00:00Z"}""",
            Decision.class);
    Rule rule =
        Json.read(
            """
            {"id":"fr.passage","language":"fr","category":"crossing_offer",
             "query":"\\"passage angleterre\\"","weight":1.5}""",
            Rule.class);

    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.FALSE_POSITIVE);
    assertThat(decision.note()).isEmpty();
    assertThat(rule.shouldMatch()).isEmpty();
    assertThat(rule.query()).isEqualTo("\"passage angleterre\"");
  }

  @Test
  void verdictCarriesSpansAndEntitiesThroughJson() {
    Verdict verdict =
        new Verdict(
            1,
            "telegram:c:1",
            0.9,
            true,
            List.of(new RuleHit("fr.passage", "crossing_offer", "fr", 2.0)),
            Map.of("crossing_offer", 2.0),
            List.of("fr"),
            "rules-1",
            Instant.parse("2026-11-01T08:05:01Z"),
            List.of(),
            List.of(new Span("fr.passage", "crossing_offer", 0, 7)),
            List.of(
                new ExtractedEntity(
                    ExtractedEntity.Type.PHONE,
                    "07700 900123",
                    "+447700900123",
                    30,
                    42,
                    Map.of("region", "GB"))));

    Verdict back = Json.read(Json.write(verdict), Verdict.class);

    assertThat(back).isEqualTo(verdict);
    assertThat(back.entities(ExtractedEntity.Type.PHONE)).hasSize(1);
    assertThat(back.entities(ExtractedEntity.Type.PRICE)).isEmpty();
    assertThat(back.withFlag("truncated").spans()).isEqualTo(verdict.spans());
  }

  @Test
  void verdictWrittenBeforeSpansExistedReadsWithEmptySpansAndEntities() {
    Verdict verdict =
        Json.read(
            """
            {"postKey":"k","score":0.1,"alert":false,"ruleSetVersion":"v",
             "scoredAt":"2026-11-01T00:00:00Z"}""",
            Verdict.class);

    assertThat(verdict.spans()).isEmpty();
    assertThat(verdict.entities()).isEmpty();
  }

  @Test
  void spanEndingBeforeItStartsIsRejected() {
    assertThatThrownBy(() -> new Span("r", "price", 5, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Span of rule r must have 0 <= start <= end, was 5..2");
  }
}

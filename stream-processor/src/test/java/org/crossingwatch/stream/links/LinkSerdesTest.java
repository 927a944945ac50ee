package org.crossingwatch.stream.links;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.crossingwatch.model.EntityLink;
import org.junit.jupiter.api.Test;

class LinkSerdesTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00.5Z");
  private static final EntityLink PHONE =
      new EntityLink("phone:+218912345678", "PHONE", 3, 2, T0, T0.plusSeconds(300));

  private static final byte[] ALERT_JSON =
      "{\"alertId\":\"cw-3f2a9c01d4e5b6a7\",\"repostCount\":2,\"channels\":[\"telegram:رحلة\"]}"
          .getBytes(UTF_8);

  @Test
  void sightingsWithAndWithoutTheAlertVersionSurviveTheRoundTrip() {
    EntitySighting carrying =
        new EntitySighting(
            "HANDLE",
            "cw-3f2a9c01d4e5b6a7",
            "telegram:رحلة_ايطاليا",
            T0,
            4,
            Optional.of(new CarriedAlert(ALERT_JSON, 2)));
    EntitySighting plain =
        new EntitySighting(
            "PHONE", "cw-3f2a9c01d4e5b6a7", "telegram:رحلة_ايطاليا", T0, 4, Optional.empty());

    assertThat(roundTrip(LinkSerdes.sightings(), carrying)).isEqualTo(carrying);
    assertThat(roundTrip(LinkSerdes.sightings(), plain)).isEqualTo(plain);
  }

  @Test
  void entityStateSurvivesTheRoundTrip() {
    EntityState state =
        new EntityState(
            new EntityLinks(
                "handle:@rihla_italia",
                "HANDLE",
                2,
                2,
                T0,
                T0.plusSeconds(60),
                List.of("cw-3f2a9c01d4e5b6a7", "cw-00aa11bb22cc33dd"),
                List.of("telegram:رحلة_ايطاليا", "mastodon:harraga")),
            99L);

    assertThat(roundTrip(LinkSerdes.entityStates(), state)).isEqualTo(state);
  }

  @Test
  void pendingLinksKeepTheirVersionsAndLinksInOrder() {
    PendingLinks pending =
        new PendingLinks(
            2,
            List.of(
                new PendingLinks.Version(3, true, 2, 1, List.of(PHONE)),
                new PendingLinks.Version(4, false, 0, 0, List.of())),
            77L);

    assertThat(roundTrip(LinkSerdes.pendingLinks(), pending)).isEqualTo(pending);
  }

  @Test
  void answersKeepTheCarriedAlertBytesAndTheLink() {
    LinkAnswer carrying =
        new LinkAnswer(2, Optional.of(new CarriedAlert(ALERT_JSON, 1)), Optional.of(PHONE));
    LinkAnswer plain = new LinkAnswer(2, Optional.empty(), Optional.empty());

    LinkAnswer readCarrying = roundTrip(LinkSerdes.linkAnswers(), carrying);

    assertThat(readCarrying).isEqualTo(carrying);
    assertThat(readCarrying.alert().orElseThrow().json()).containsExactly(ALERT_JSON);
    assertThat(roundTrip(LinkSerdes.linkAnswers(), plain)).isEqualTo(plain);
    assertThat(roundTrip(LinkSerdes.waitingAlerts(), new WaitingAlert(ALERT_JSON, 5L)).alertJson())
        .containsExactly(ALERT_JSON);
  }

  @Test
  void recordsOfTheFormatBeforeCarriedAlertsAreRejectedNamingTheType() {
    // Format 1: an answer with the version, an alert flag and no link.
    byte[] formatOne = {1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0};

    assertThatThrownBy(() -> LinkSerdes.linkAnswers().deserializer().deserialize("t", formatOne))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Unreadable LinkAnswer: format byte 1, expected 2 (written by another version?)");
  }

  @Test
  void jsonWrittenByAnEarlierVersionIsRejectedNamingTheType() {
    byte[] json = "{\"type\":\"PHONE\",\"alertId\":\"cw-1\"}".getBytes(UTF_8);

    assertThatThrownBy(() -> LinkSerdes.sightings().deserializer().deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Unreadable EntitySighting: format byte 123, expected 2 (written by another version?)");
  }

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }
}

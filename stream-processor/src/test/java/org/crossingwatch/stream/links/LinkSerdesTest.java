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

  @Test
  void sightingAndEntityStateSurviveTheRoundTrip() {
    EntitySighting sighting =
        new EntitySighting("HANDLE", "cw-3f2a9c01d4e5b6a7", "telegram:رحلة_ايطاليا", T0, 4);
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

    assertThat(roundTrip(LinkSerdes.sightings(), sighting)).isEqualTo(sighting);
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
  void announcementCarriesTheAlertBytesAndAnswerTheLink() {
    byte[] alertJson = "{\"alertId\":\"cw-3f2a9c01d4e5b6a7\",\"repostCount\":2}".getBytes(UTF_8);
    LinkAnswer announcement = new LinkAnswer(2, Optional.of(alertJson), 3, Optional.empty());
    LinkAnswer answer = LinkAnswer.answer(2, Optional.of(PHONE));

    LinkAnswer readAnnouncement = roundTrip(LinkSerdes.linkAnswers(), announcement);
    LinkAnswer readAnswer = roundTrip(LinkSerdes.linkAnswers(), answer);

    assertThat(readAnnouncement.alertVersion()).isEqualTo(2);
    assertThat(readAnnouncement.alert().orElseThrow()).containsExactly(alertJson);
    assertThat(readAnnouncement.expectedAnswers()).isEqualTo(3);
    assertThat(readAnnouncement.link()).isEmpty();
    assertThat(readAnswer.alert()).isEmpty();
    assertThat(readAnswer.link()).contains(PHONE);
    assertThat(roundTrip(LinkSerdes.waitingAlerts(), new WaitingAlert(alertJson, 5L)).alertJson())
        .containsExactly(alertJson);
  }

  @Test
  void jsonWrittenByAnEarlierVersionIsRejectedNamingTheType() {
    byte[] json = "{\"type\":\"PHONE\",\"alertId\":\"cw-1\"}".getBytes(UTF_8);

    assertThatThrownBy(() -> LinkSerdes.sightings().deserializer().deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Unreadable EntitySighting: format byte 123, expected 1 (written by another version?)");
  }

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }
}

package org.crossingwatch.stream.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.EntityLink;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkCollectorTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00Z");
  private static final EntityLink PHONE =
      new EntityLink("phone:+218912345678", "PHONE", 3, 2, T0, T0.plusSeconds(300));
  private static final EntityLink HANDLE =
      new EntityLink("handle:@rihla_italia", "HANDLE", 2, 2, T0, T0.plusSeconds(60));

  private final MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
  private Processor<String, LinkAnswer, String, byte[]> collector;
  private KeyValueStore<String, PendingLinks> pending;
  private KeyValueStore<String, WaitingAlert> versions;
  private Alert first;
  private String alertId;

  @BeforeEach
  void start() {
    pending =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(LinkCollector.STORE),
                Serdes.String(),
                LinkSerdes.pendingLinks())
            .withLoggingDisabled()
            .build();
    pending.init(context.getStateStoreContext(), pending);
    context.addStateStore(pending);
    versions =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(LinkCollector.VERSION_STORE),
                Serdes.String(),
                LinkSerdes.waitingAlerts())
            .withLoggingDisabled()
            .build();
    versions.init(context.getStateStoreContext(), versions);
    context.addStateStore(versions);
    collector = LinkCollector.supplier(Duration.ofDays(7)).get();
    collector.init(context);
    Post post =
        new Post(
            1,
            null,
            "telegram",
            "rihla_italia",
            "1",
            Optional.empty(),
            Optional.empty(),
            "قارب إلى إيطاليا كل يوم جمعة، اتصل +218 91 234 5678 @rihla_italia",
            Optional.empty(),
            Optional.empty(),
            T0,
            List.of(),
            Optional.empty(),
            "ab12");
    first =
        Alert.firstSighting(
            post,
            new Verdict(
                1, post.key(), 0.9, true, List.of(), Map.of(), List.of("ar"), "r1", T0, List.of()));
    alertId = first.alertId();
  }

  @Test
  void versionWithOneEntityIsPublishedFromItsSingleAnswerWithoutWaiting() {
    send(carrying(first, 0, Optional.of(PHONE)));

    assertThat(forwarded())
        .containsExactly(new KeyValue<>(alertId, first.withLinks(List.of(PHONE))));
    assertThat(versionKeys()).isEmpty();
    assertThat(pending.get(alertId)).isEqualTo(new PendingLinks(1, List.of(), T0.toEpochMilli()));
  }

  @Test
  void alertWaitsForEveryEntityAndCarriesTheSharedOnesByEntityKey() {
    send(plain(1, Optional.of(PHONE)));
    send(carrying(first, 3, Optional.empty()));
    send(plain(1, Optional.empty()));
    assertThat(context.forwarded()).isEmpty();

    send(plain(1, Optional.of(HANDLE)));

    assertThat(forwarded())
        .containsExactly(new KeyValue<>(alertId, first.withLinks(List.of(HANDLE, PHONE))));
    assertThat(versionKeys()).isEmpty();
  }

  @Test
  void answerArrivingBeforeTheCarryingOneIsCountedAndTheVersionNeverWaits() {
    send(plain(1, Optional.of(PHONE)));
    assertThat(context.forwarded()).isEmpty();
    assertThat(pending.get(alertId))
        .isEqualTo(
            new PendingLinks(
                0,
                List.of(new PendingLinks.Version(1, false, 0, 1, List.of(PHONE))),
                T0.toEpochMilli()));

    send(carrying(first, 1, Optional.of(HANDLE)));

    assertThat(forwarded())
        .containsExactly(new KeyValue<>(alertId, first.withLinks(List.of(HANDLE, PHONE))));
    assertThat(versionKeys()).isEmpty();
    assertThat(pending.get(alertId)).isEqualTo(new PendingLinks(1, List.of(), T0.toEpochMilli()));
  }

  @Test
  void carryingAnswerArrivingFirstWaitsInTheVersionStoreUntilTheLastAnswer() {
    send(carrying(first, 1, Optional.of(HANDLE)));
    assertThat(context.forwarded()).isEmpty();
    assertThat(versionKeys()).containsExactly(alertId + "@1");

    send(plain(1, Optional.of(PHONE)));

    assertThat(forwarded())
        .containsExactly(new KeyValue<>(alertId, first.withLinks(List.of(HANDLE, PHONE))));
    assertThat(versionKeys()).isEmpty();
  }

  @Test
  void olderVersionCompletingAfterANewerOneIsDropped() {
    Alert second = repost(first);
    send(carrying(first, 1, Optional.empty()));
    send(LinkAnswer.withoutEntities(second));
    assertThat(versionKeys()).isEmpty();

    send(plain(1, Optional.of(PHONE)));

    assertThat(forwarded()).containsExactly(new KeyValue<>(alertId, second));
  }

  @Test
  void supersededOrRedeliveredVersionArrivingAfterTheNewerOneIsNotPublished() {
    Alert second = repost(first);
    send(carrying(second, 0, Optional.empty()));
    send(carrying(first, 0, Optional.of(PHONE)));
    send(carrying(second, 0, Optional.of(PHONE)));

    assertThat(forwarded()).containsExactly(new KeyValue<>(alertId, second.withLinks(List.of())));
    assertThat(versionKeys()).isEmpty();
    assertThat(pending.get(alertId)).isEqualTo(new PendingLinks(2, List.of(), T0.toEpochMilli()));
  }

  @Test
  void waitingVersionIsStoredOnceAndRemovedWhenPublishedOrSuperseded() {
    Alert second = repost(first);
    send(carrying(first, 1, Optional.empty()));
    send(carrying(second, 1, Optional.empty()));
    assertThat(versionKeys()).containsExactly(alertId + "@1", alertId + "@2");

    send(plain(2, Optional.empty()));

    assertThat(forwarded()).containsExactly(new KeyValue<>(alertId, second.withLinks(List.of())));
    assertThat(versionKeys()).isEmpty();
  }

  @Test
  void versionExpiredWhileWaitingIsNeverPublished() {
    send(carrying(first, 1, Optional.empty()));
    long eightDaysLater = T0.plus(Duration.ofDays(8)).toEpochMilli();
    context
        .scheduledPunctuators()
        .forEach(punctuator -> punctuator.getPunctuator().punctuate(eightDaysLater));
    assertThat(versionKeys()).isEmpty();

    send(plain(1, Optional.of(PHONE)));

    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void versionWithoutSharedEntitiesIsPublishedAsTheCarriedBytes() {
    LinkAnswer carrying = carrying(first, 1, Optional.empty());
    send(carrying);
    send(plain(1, Optional.empty()));

    assertThat(context.forwarded()).hasSize(1);
    assertThat(context.forwarded().get(0).record().value())
        .isEqualTo(carrying.alert().orElseThrow().json());
    assertThat(forwarded()).containsExactly(new KeyValue<>(alertId, first));
  }

  private List<String> versionKeys() {
    List<String> keys = new java.util.ArrayList<>();
    try (var all = versions.all()) {
      all.forEachRemaining(entry -> keys.add(entry.key));
    }
    return keys;
  }

  private List<KeyValue<String, Alert>> forwarded() {
    return context.forwarded().stream()
        .map(f -> new KeyValue<>(f.record().key(), Json.read(f.record().value(), Alert.class)))
        .toList();
  }

  private void send(LinkAnswer answer) {
    collector.process(new Record<>(alertId, answer, T0.toEpochMilli()));
  }

  private static LinkAnswer carrying(Alert alert, int otherAnswers, Optional<EntityLink> link) {
    return new LinkAnswer(
        alert.repostCount(), Optional.of(CarriedAlert.of(alert, otherAnswers)), link);
  }

  private static LinkAnswer plain(int alertVersion, Optional<EntityLink> link) {
    return new LinkAnswer(alertVersion, Optional.empty(), link);
  }

  private static Alert repost(Alert alert) {
    return new Alert(
        alert.schemaVersion(),
        alert.alertId(),
        alert.post(),
        alert.verdict(),
        alert.firstSeen(),
        T0.plusSeconds(60),
        2,
        List.of("telegram:rihla_italia", "telegram:safar_libya"));
  }
}

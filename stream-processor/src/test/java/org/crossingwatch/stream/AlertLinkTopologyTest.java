package org.crossingwatch.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.stream.TelegramPosts.post;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.DeadLetterHeaders;
import org.crossingwatch.model.EntityLink;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import org.crossingwatch.stream.links.CarriedAlert;
import org.crossingwatch.stream.links.LinkAnswer;
import org.crossingwatch.stream.links.LinkCollector;
import org.crossingwatch.stream.links.LinkSerdes;
import org.crossingwatch.stream.links.PendingLinks;
import org.crossingwatch.stream.links.WaitingAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link steps through the whole topology, counting what they write: an alert version travels
 * with the sighting of its first entity by key, so it has no {@code alert-links} record of its own
 * and waits in the alert-version store only when it arrives before another of its answers.
 */
class AlertLinkTopologyTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00Z");
  private static final String INTERNAL = PipelineSettings.DEFAULT_APPLICATION_ID + "-";
  private static final EntityLink LIBYAN_PHONE_TWICE =
      new EntityLink("phone:+218912345678", "PHONE", 2, 2, T0, T0.plusSeconds(300));

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rawPosts;
  private TestOutputTopic<String, String> alerts;
  private TestOutputTopic<String, LinkAnswer> answers;
  private TestOutputTopic<String, byte[]> pendingChangelog;
  private TestOutputTopic<String, byte[]> versionChangelog;

  @BeforeEach
  void startDriver() {
    driver =
        RepostTestDriver.start(PipelineSettings.defaults(), new SimpleMeterRegistry(), stateDir);
    rawPosts = RepostTestDriver.rawPosts(driver);
    alerts = RepostTestDriver.alerts(driver);
    answers =
        driver.createOutputTopic(
            INTERNAL + "alert-links-repartition",
            new StringDeserializer(),
            LinkSerdes.linkAnswers().deserializer());
    pendingChangelog = changelog(LinkCollector.STORE);
    versionChangelog = changelog(LinkCollector.VERSION_STORE);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void versionWithOneEntityIsPublishedFromItsSingleAnswerWithoutWaiting() {
    Post boat =
        post("rihla_italia", "1", "قارب إلى إيطاليا كل يوم جمعة، اتصل +218 91 234 5678", T0);

    pipe(boat);

    Alert raised = Alert.firstSighting(boat, RepostTestClassifier.verdictFor(boat));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(KeyValue.pair(raised.alertId(), Json.write(raised)));
    assertThat(answers.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                raised.alertId(),
                new LinkAnswer(1, Optional.of(CarriedAlert.of(raised, 0)), Optional.empty())));
    assertThat(pendingChangelog.getQueueSize()).isEqualTo(1);
    assertThat(versionChangelog.isEmpty()).isTrue();
    KeyValueStore<String, PendingLinks> pending = driver.getKeyValueStore(LinkCollector.STORE);
    assertThat(pending.get(raised.alertId()))
        .isEqualTo(new PendingLinks(1, List.of(), T0.toEpochMilli()));
  }

  @Test
  void plainAnswerFirstThenTheCarryingOneIsCountedAndPublishedWithoutWaiting() {
    pipe(post("rihla_italia", "1", "قارب إلى إيطاليا كل يوم جمعة، اتصل +218 91 234 5678", T0));
    drain();
    // Text order phone, handle; "handle:@passeur_uk" sorts first, so its answer, the second to
    // arrive, carries the alert.
    Post truck =
        post(
            "calais_uk",
            "9",
            "passage en camion vers Londres, WhatsApp +218 91 234 5678 @passeur_uk",
            T0.plusSeconds(300));

    pipe(truck);

    Alert raised = Alert.firstSighting(truck, RepostTestClassifier.verdictFor(truck));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                raised.alertId(), Json.write(raised.withLinks(List.of(LIBYAN_PHONE_TWICE)))));
    assertThat(answers.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                raised.alertId(),
                new LinkAnswer(1, Optional.empty(), Optional.of(LIBYAN_PHONE_TWICE))),
            KeyValue.pair(
                raised.alertId(),
                new LinkAnswer(1, Optional.of(CarriedAlert.of(raised, 1)), Optional.empty())));
    assertThat(pendingChangelog.getQueueSize()).isEqualTo(2);
    assertThat(versionChangelog.isEmpty()).isTrue();
  }

  @Test
  void carryingAnswerFirstWaitsInTheVersionStoreUntilThePlainOneCompletesIt() {
    pipe(post("rihla_italia", "1", "قارب إلى إيطاليا كل يوم جمعة، اتصل +218 91 234 5678", T0));
    drain();
    // Text order +218, +39; "phone:+218912345678" sorts first, so the first answer carries it.
    Post boat =
        post(
            "sicilia_dz",
            "4",
            "قارب من الجزائر إلى سردينيا، اتصل +218 91 234 5678 أو +39 351 234 5678",
            T0.plusSeconds(300));

    pipe(boat);

    Alert raised = Alert.firstSighting(boat, RepostTestClassifier.verdictFor(boat));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                raised.alertId(), Json.write(raised.withLinks(List.of(LIBYAN_PHONE_TWICE)))));
    assertThat(answers.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                raised.alertId(),
                new LinkAnswer(
                    1, Optional.of(CarriedAlert.of(raised, 1)), Optional.of(LIBYAN_PHONE_TWICE))),
            KeyValue.pair(raised.alertId(), new LinkAnswer(1, Optional.empty(), Optional.empty())));
    assertThat(pendingChangelog.getQueueSize()).isEqualTo(2);
    List<TestRecord<String, byte[]>> waited = versionChangelog.readRecordsToList();
    assertThat(waited).extracting(TestRecord::key).containsOnly(raised.alertId() + "@1");
    assertThat(waited).extracting(TestRecord::value).hasSize(2).last().isNull();
    assertThat(LinkSerdes.waitingAlerts().deserializer().deserialize("t", waited.get(0).value()))
        .extracting(WaitingAlert::alertJson)
        .isEqualTo(CarriedAlert.of(raised, 1).json());
  }

  @Test
  void versionArrivingAfterANewerOneWasPublishedIsDropped() {
    TestInputTopic<String, LinkAnswer> linkAnswers =
        driver.createInputTopic(
            INTERNAL + "alert-links-repartition",
            new StringSerializer(),
            LinkSerdes.linkAnswers().serializer());
    Post boat =
        post("rihla_italia", "1", "قارب إلى إيطاليا كل يوم جمعة، اتصل +218 91 234 5678", T0);
    Alert first = Alert.firstSighting(boat, RepostTestClassifier.verdictFor(boat));
    Alert second =
        new Alert(
            first.schemaVersion(),
            first.alertId(),
            first.post(),
            first.verdict(),
            T0,
            T0.plusSeconds(60),
            2,
            List.of("telegram:rihla_italia", "telegram:safar_libya"));

    linkAnswers.pipeInput(first.alertId(), LinkAnswer.withoutEntities(second));
    linkAnswers.pipeInput(
        first.alertId(),
        new LinkAnswer(1, Optional.of(CarriedAlert.of(first, 0)), Optional.of(LIBYAN_PHONE_TWICE)));

    assertThat(alerts.readKeyValuesToList())
        .containsExactly(KeyValue.pair(first.alertId(), Json.write(second)));
    assertThat(versionChangelog.isEmpty()).isTrue();
  }

  @Test
  void announcementOfTheEarlierLinkFormatGoesToTheDeadLetterTopic() {
    driver.close();
    Properties config =
        Pipeline.streamsConfig("test-driver:9092", PipelineSettings.defaults(), stateDir);
    // TopologyTestDriver's transactional mock producer only shows records sent while a record is
    // processed, and a record the deserializer rejects never is (as in PipelineConfigTest).
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    config.put(MetricsConfig.REGISTRY_CONFIG, new SimpleMeterRegistry());
    driver =
        new TopologyTestDriver(
            PipelineTopology.build(
                new StreamsBuilder(),
                RepostTestClassifier::new,
                PipelineSettings.defaults(),
                new SimpleMeterRegistry()),
            config);
    TestInputTopic<String, byte[]> linkAnswers =
        driver.createInputTopic(
            INTERNAL + "alert-links-repartition",
            new StringSerializer(),
            new ByteArraySerializer());
    TestOutputTopic<String, byte[]> deadLetters =
        driver.createOutputTopic(Topics.DLQ, new StringDeserializer(), new ByteArrayDeserializer());
    // Format 1: version 2, an announcement of 3 bytes waiting for one answer, no link.
    byte[] formatOne = {1, 0, 0, 0, 2, 1, 0, 0, 0, 3, '{', '}', ' ', 0, 0, 0, 1, 0};

    linkAnswers.pipeInput("cw-3f2a9c01d4e5b6a7", formatOne);

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo("cw-3f2a9c01d4e5b6a7");
    assertThat(letter.value()).containsExactly(formatOne);
    assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value(), UTF_8))
        .isEqualTo(
            "cannot deserialize the record: Unreadable LinkAnswer: format byte 1, expected 2"
                + " (written by another version?)");
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(
            driver
                .createOutputTopic(
                    Topics.ALERTS, new StringDeserializer(), new StringDeserializer())
                .isEmpty())
        .isTrue();
  }

  private TestOutputTopic<String, byte[]> changelog(String store) {
    return driver.createOutputTopic(
        INTERNAL + store + "-changelog", new StringDeserializer(), new ByteArrayDeserializer());
  }

  private void pipe(Post post) {
    rawPosts.pipeInput(post.key(), Json.write(post).getBytes(UTF_8), post.collectedAt());
  }

  private void drain() {
    alerts.readRecordsToList();
    answers.readRecordsToList();
    pendingChangelog.readRecordsToList();
    versionChangelog.readRecordsToList();
  }
}

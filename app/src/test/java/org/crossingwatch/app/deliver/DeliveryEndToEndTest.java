package org.crossingwatch.app.deliver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.testing.FatalFaultGuard;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.delivery.Delivery;
import org.crossingwatch.delivery.DeliveryConfig;
import org.crossingwatch.delivery.DeliveryTopics;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.SchemaVersion;
import org.crossingwatch.model.Topics;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Delivery against a real (embedded) broker of its own: cw.alerts in, webhooks out. */
class DeliveryEndToEndTest {
  private static final String SECRET = "e2e-signing-key";
  @TempDir static Path dir;
  private static FatalFaultGuard guard;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    guard = FatalFaultGuard.install();
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
    try (Admin admin = admin()) {
      // The plan includes cw.delivery.failed.
      TopicPlan.standard(1, (short) 1).apply(admin);
    }
  }

  @AfterAll
  static void stopBroker() {
    try {
      broker.close();
    } finally {
      guard.close();
    }
  }

  @Test
  void alertsAreDeliveredExactlyOnceAcrossARestartAndADownSinkParksItsAlert() throws Exception {
    try (SignedWebhookReceiver desk = new SignedWebhookReceiver(SECRET, 200);
        SignedWebhookReceiver down = new SignedWebhookReceiver(SECRET, 503)) {
      DeliveryConfig config = config(desk, down);
      Alert boat = alert("boat-1", "ar", "رحلة بحرية إلى إيطاليا 3000 يورو", 0.93);
      Alert truck = alert("truck-2", "ckb", "گەیاندن بە لۆری بۆ ئەڵمانیا", 0.88);
      Alert papers = alert("papers-3", "fr", "Passeports et visas, livraison rapide", 0.97);
      produce(boat, truck, papers);

      try (Delivery first = Delivery.start(config, broker.bootstrapServers(), registry())) {
        await().atMost(Duration.ofSeconds(60)).until(() -> desk.deliveries().size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> parked().size() == 1);
      }

      Alert boatRepostSmall = reposted(boat, 3);
      Alert truckRepostBig = reposted(truck, 6);
      Alert route = alert("route-4", "ar", "تهريب عبر البحر من زوارة", 0.9);
      produce(boatRepostSmall, truckRepostBig, route);

      try (Delivery second = Delivery.start(config, broker.bootstrapServers(), registry())) {
        await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset() == 6);
      }

      assertThat(desk.refused()).isEmpty();
      assertThat(desk.deliveries())
          .containsExactly(
              boat.alertId() + ":1:desk",
              truck.alertId() + ":1:desk",
              truck.alertId() + ":6:desk",
              route.alertId() + ":1:desk");
      ConsumerRecord<String, String> parked = parked().get(0);
      assertThat(parked.key()).isEqualTo(papers.alertId());
      assertThat(
              new String(parked.headers().lastHeader(DeliveryTopics.HEADER_REASON).value(), UTF_8))
          .isEqualTo("sink 'fr-partner': HTTP 503");
      assertThat(Json.read(parked.value(), Alert.class)).isEqualTo(papers);
      assertThat(audits())
          .extracting(e -> e.action() + " " + e.target() + " " + e.details().get("sink"))
          .containsExactlyInAnyOrder(
              "delivery.sent " + boat.alertId() + " desk",
              "delivery.sent " + truck.alertId() + " desk",
              "delivery.failed " + papers.alertId() + " fr-partner",
              "delivery.sent " + truck.alertId() + " desk",
              "delivery.sent " + route.alertId() + " desk");
    }
  }

  @Test
  void deliverCommandReportsAConfigurationMistakeWithFileLineAndColumn() throws Exception {
    Path file = dir.resolve("bad-delivery.yaml");
    Files.writeString(
        file,
        "consoleBaseUrl: https://console.unit.example\n"
            + "sinks:\n"
            + "  desk: {type: telegram, url: https://x.example}\n",
        UTF_8);
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new DeliverCommand()).setErr(new PrintWriter(err));

    int exit =
        cli.execute("--config", file.toString(), "--bootstrap-servers", broker.bootstrapServers());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            file
                + ":3:16: sink 'desk' has unknown type 'telegram'; known: email, matrix,"
                + " mattermost, slack, teams, webhook");
  }

  private static DeliveryConfig config(SignedWebhookReceiver desk, SignedWebhookReceiver down) {
    String yaml =
        """
        consoleBaseUrl: https://console.unit.example
        consumerGroup: delivery-e2e
        repostThresholds: [5]
        retry: {attempts: 2, initialBackoff: 50ms, maxBackoff: 100ms}
        timeout: 5s
        sinks:
          desk:
            type: webhook
            url: %s
            secret: {env: CW_DESK_SECRET}
          fr-partner:
            type: webhook
            url: %s
            secret: {env: CW_DESK_SECRET}
        routes:
          - name: middle-east
            languages: [ar, ckb]
            minScore: 0.8
            sinks: [desk]
          - name: francophone
            languages: [fr]
            sinks: [fr-partner]
        """
            .formatted(desk.url(), down.url());
    return DeliveryConfig.parse("e2e.yaml", yaml, Map.of("CW_DESK_SECRET", SECRET)::get);
  }

  private static Alert alert(String id, String language, String text, double score) {
    Instant seen = Instant.parse("2025-06-01T08:00:00Z");
    Post post =
        new Post(
            SchemaVersion.CURRENT,
            null,
            "telegram",
            "trips_" + language,
            id,
            Optional.empty(),
            Optional.empty(),
            text,
            Optional.empty(),
            Optional.empty(),
            seen,
            List.of(),
            Optional.empty(),
            "cd".repeat(32));
    Verdict verdict =
        new Verdict(
            SchemaVersion.CURRENT,
            post.key(),
            score,
            true,
            List.of(new RuleHit(language + "-crossing", "crossing", language, 2.0)),
            Map.of("crossing", 2.0),
            List.of(language),
            "rules-1",
            seen,
            List.of(),
            List.of(),
            List.of(
                new ExtractedEntity(
                    ExtractedEntity.Type.PRICE, "3000", "3000 EUR", 0, 4, Map.of())));
    return Alert.firstSighting(post, verdict);
  }

  private static Alert reposted(Alert alert, int count) {
    return new Alert(
        alert.schemaVersion(),
        alert.alertId(),
        alert.post(),
        alert.verdict(),
        alert.firstSeen(),
        alert.lastSeen(),
        count,
        alert.channels());
  }

  private static void produce(Alert... alerts) throws Exception {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (Alert alert : alerts) {
        producer
            .send(new ProducerRecord<>(Topics.ALERTS, alert.alertId(), Json.write(alert)))
            .get();
      }
    }
  }

  private static long committedOffset() throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets("delivery-e2e").partitionsToOffsetAndMetadata().get();
      OffsetAndMetadata offset = offsets.get(new TopicPartition(Topics.ALERTS, 0));
      return offset == null ? -1 : offset.offset();
    }
  }

  private static List<ConsumerRecord<String, String>> parked() {
    return readAll(DeliveryTopics.FAILED);
  }

  private static List<AuditEvent> audits() {
    return readAll(Topics.AUDIT).stream()
        .map(r -> Json.read(r.value(), AuditEvent.class))
        .filter(e -> e.user().equals("delivery"))
        .toList();
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      long end = consumer.endOffsets(Set.of(partition)).get(partition);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static SimpleMeterRegistry registry() {
    return new SimpleMeterRegistry();
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }
}

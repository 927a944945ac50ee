package org.crossingwatch.app.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.DeadLetterHeaders;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to each kind of bad input on {@code cw.posts.raw}, on the real broker: it lands in
 * {@code cw.dlq} with its original bytes and its reason, and the posts after it are still scored.
 * An oversized record that is still a post is also scored on its head and flagged, so no ad is
 * dropped for being long.
 */
class DeadLetterEndToEndTest {
  @TempDir Path dataDir;

  @Test
  void badRecordsAreDeadLetteredWithTheirReasonAndLaterPostsAreStillScored() throws Exception {
    Path noPosts = Files.createFile(dataDir.resolve("empty.jsonl"));
    byte[] garbage = {(byte) 0x80, 0x7b, 0x22, (byte) 0xff};
    byte[] missingText =
        """
        {"platform":"telegram","channel":"c","externalId":"2","collectedAt":"2026-11-01T00:00:00Z",
         "captureSha256":"ab"}"""
            .getBytes(UTF_8);
    byte[] oversized = post("3", "passage en Angleterre " + "x".repeat(600 * 1024)).getBytes(UTF_8);
    byte[] goodOffer =
        post("4", "Passage en Angleterre par camion, garanti, 2500€, WhatsApp +44 7700 900123")
            .getBytes(UTF_8);

    try (AllInOne all =
        AllInOne.start(RunFixtures.settings(dataDir, noPosts), new RunFixtures.Output().writer)) {
      try (KafkaProducer<String, byte[]> producer = producer(all.bootstrapServers())) {
        producer.send(new ProducerRecord<>(Topics.POSTS_RAW, 0, "telegram:c:1", garbage)).get();
        producer.send(new ProducerRecord<>(Topics.POSTS_RAW, 0, "telegram:c:2", missingText)).get();
        producer.send(new ProducerRecord<>(Topics.POSTS_RAW, 0, "telegram:c:3", oversized)).get();
        producer.send(new ProducerRecord<>(Topics.POSTS_RAW, 0, "telegram:c:4", goodOffer)).get();
      }

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(TopicContents.keys(all.bootstrapServers(), Topics.POSTS_SCORED))
                      .containsExactlyInAnyOrder("telegram:c:3", "telegram:c:4"));
      ScoredPost oversizedScored =
          TopicContents.read(all.bootstrapServers(), Topics.POSTS_SCORED).stream()
              .filter(r -> r.key().equals("telegram:c:3"))
              .map(r -> Json.read(r.value(), ScoredPost.class))
              .findFirst()
              .orElseThrow();
      assertThat(oversizedScored.verdict().flags()).contains("oversized", "truncated");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(TopicContents.keys(all.bootstrapServers(), Topics.ALERTS))
                      .contains(Alert.idFor("telegram:c:4")));

      List<ConsumerRecord<String, byte[]>> dead =
          TopicContents.read(all.bootstrapServers(), Topics.DLQ);
      assertThat(dead)
          .extracting(ConsumerRecord::key)
          .containsExactly("telegram:c:1", "telegram:c:2", "telegram:c:3");
      assertThat(dead)
          .extracting(ConsumerRecord::value)
          .containsExactly(garbage, missingText, oversized);
      assertThat(dead.stream().map(r -> header(r, DeadLetterHeaders.REASON)))
          .containsExactly(
              "Undecodable Post JSON: Invalid UTF-8 start byte 0x80",
              "Invalid Post JSON: missing required field 'text' in Post",
              "record is " + oversized.length + " bytes, over the 524288-byte limit");
      assertThat(dead)
          .allSatisfy(
              r -> {
                assertThat(header(r, DeadLetterHeaders.STAGE)).isEqualTo("parse");
                assertThat(header(r, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.POSTS_RAW);
                assertThat(header(r, DeadLetterHeaders.PARTITION)).isEqualTo("0");
              });
      assertThat(dead.stream().map(r -> header(r, DeadLetterHeaders.OFFSET)))
          .containsExactly("0", "1", "2");
    }
  }

  private static String post(String id, String text) {
    return "{\"platform\":\"telegram\",\"channel\":\"c\",\"externalId\":\""
        + id
        + "\",\"text\":\""
        + text
        + "\",\"collectedAt\":\"2026-11-01T00:00:00Z\",\"captureSha256\":\"ab\"}";
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            2 * 1024 * 1024),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}

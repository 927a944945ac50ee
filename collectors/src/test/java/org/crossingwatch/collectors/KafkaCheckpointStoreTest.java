package org.crossingwatch.collectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;

class KafkaCheckpointStoreTest {
  private static final TopicPartition P0 = new TopicPartition(Topics.COLLECTOR_STATE, 0);
  private static final TopicPartition P1 = new TopicPartition(Topics.COLLECTOR_STATE, 1);

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  // Only asked for the high watermarks.
  private final MockConsumer<String, byte[]> uncommitted = new MockConsumer<>("earliest");
  private final KafkaCheckpointStore store =
      new KafkaCheckpointStore(
          level -> level == IsolationLevel.READ_COMMITTED ? consumer : uncommitted,
          Duration.ofSeconds(30));

  @Test
  void theLastCheckpointForTheSourceWinsAcrossAllPartitions() {
    Checkpoint older = checkpoint("jsonl:a.jsonl", "byte=100,line=3", "2026-11-01T10:00:00Z", 2);
    Checkpoint latest = checkpoint("jsonl:a.jsonl", "byte=250,line=7", "2026-11-01T10:05:00Z", 6);
    Checkpoint otherSource =
        checkpoint("telegram:safar_europa", "message=4711", "2026-11-01T10:09:00Z", 40);
    topicWith(
        Map.of(P0, 2L, P1, 1L),
        List.of(
            record(P0, 0, older.sourceId(), Json.write(older)),
            record(P0, 1, latest.sourceId(), Json.write(latest)),
            record(P1, 0, otherSource.sourceId(), Json.write(otherSource))));

    assertThat(store.load("jsonl:a.jsonl")).contains(latest);
    assertThat(consumer.closed()).isTrue();
    assertThat(uncommitted.closed()).isTrue();
  }

  @Test
  void aTombstoneResetsTheSource() {
    Checkpoint earlier = checkpoint("jsonl:a.jsonl", "byte=100,line=3", "2026-11-01T10:00:00Z", 2);
    topicWith(
        Map.of(P0, 2L, P1, 0L),
        List.of(
            record(P0, 0, earlier.sourceId(), Json.write(earlier)),
            record(P0, 1, earlier.sourceId(), null)));

    assertThat(store.load("jsonl:a.jsonl")).isEmpty();
  }

  @Test
  void aSourceNeverPublishedAndAMissingTopicHaveNoCheckpoint() {
    assertThat(store.load("jsonl:a.jsonl")).isEmpty();
  }

  @Test
  void anUnreadableLatestCheckpointIsRefusedRatherThanGuessedAround() {
    topicWith(
        Map.of(P0, 1L, P1, 0L),
        List.of(record(P0, 0, "jsonl:a.jsonl", "{\"sourceId\":\"jsonl:a.jsonl\"}")));

    assertThatThrownBy(() -> store.load("jsonl:a.jsonl"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Unreadable checkpoint for source 'jsonl:a.jsonl' at cw.collector.state-0@0: Invalid"
                + " Checkpoint JSON: missing required field 'position' in Checkpoint (value:"
                + " {\"sourceId\":\"jsonl:a.jsonl\"})");
  }

  private void topicWith(
      Map<TopicPartition, Long> highWatermarks, List<ConsumerRecord<String, byte[]>> records) {
    Node node = new Node(0, "127.0.0.1", 9092);
    consumer.updatePartitions(
        Topics.COLLECTOR_STATE,
        List.of(
            new PartitionInfo(Topics.COLLECTOR_STATE, 0, node, new Node[0], new Node[0]),
            new PartitionInfo(Topics.COLLECTOR_STATE, 1, node, new Node[0], new Node[0])));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    uncommitted.updateEndOffsets(highWatermarks);
    consumer.schedulePollTask(
        () -> {
          for (ConsumerRecord<String, byte[]> record : records) {
            consumer.addRecord(record);
          }
        });
  }

  private static ConsumerRecord<String, byte[]> record(
      TopicPartition partition, long offset, String key, String value) {
    return new ConsumerRecord<>(
        partition.topic(),
        partition.partition(),
        offset,
        key,
        value == null ? null : value.getBytes(UTF_8));
  }

  private static Checkpoint checkpoint(
      String sourceId, String position, String updatedAt, long posts) {
    return new Checkpoint(sourceId, position, Instant.parse(updatedAt), posts);
  }
}

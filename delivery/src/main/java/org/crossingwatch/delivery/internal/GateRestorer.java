package org.crossingwatch.delivery.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.crossingwatch.delivery.limits.RepostGate;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.InvalidJsonException;
import org.crossingwatch.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the {@link RepostGate} after a restart by replaying each partition of {@code cw.alerts}
 * from its beginning up to the group's committed offset: those records were handled before, so they
 * only teach the gate which alerts were delivered, and nothing is sent.
 */
final class GateRestorer {
  private static final Logger LOG = LoggerFactory.getLogger(GateRestorer.class);

  private GateRestorer() {}

  /**
   * Replays the records before {@code committed} into {@code gate} with {@code reader}, a consumer
   * with no group that this method assigns and leaves assigned.
   */
  static void restore(
      Consumer<byte[], byte[]> reader,
      Map<TopicPartition, OffsetAndMetadata> committed,
      RepostGate gate) {
    Map<TopicPartition, Long> targets = new HashMap<>();
    committed.forEach(
        (partition, offset) -> {
          if (offset != null && offset.offset() > 0) {
            targets.put(partition, offset.offset());
          }
        });
    if (targets.isEmpty()) {
      return;
    }
    reader.assign(targets.keySet());
    reader.seekToBeginning(targets.keySet());
    int replayed = 0;
    while (targets.entrySet().stream().anyMatch(t -> reader.position(t.getKey()) < t.getValue())) {
      for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.value() == null || record.offset() >= targets.get(partition)) {
          continue;
        }
        try {
          gate.decide(Json.read(record.value(), Alert.class));
          replayed++;
        } catch (InvalidJsonException e) {
          // It was dead-lettered when first read; nothing to learn from it.
        }
      }
    }
    LOG.info("Replayed {} delivered alert updates to restore the repost gate", replayed);
  }
}

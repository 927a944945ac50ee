package org.crossingwatch.collectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaClientConfigsTest {
  @Test
  void theProducerIsTransactionalPerSourceWithIdempotenceAndAllAcks() {
    assertThat(KafkaClientConfigs.transactionalProducer("127.0.0.1:9092", "jsonl:posts.jsonl"))
        .isEqualTo(
            Map.of(
                "bootstrap.servers",
                "127.0.0.1:9092",
                "transactional.id",
                "crossingwatch-collector-jsonl:posts.jsonl",
                "enable.idempotence",
                true,
                "acks",
                "all",
                "key.serializer",
                StringSerializer.class,
                "value.serializer",
                ByteArraySerializer.class));
  }

  @Test
  void theCheckpointConsumerReadsCommittedWithoutAGroup() {
    assertThat(
            KafkaClientConfigs.checkpointConsumer("127.0.0.1:9092", IsolationLevel.READ_COMMITTED))
        .isEqualTo(
            Map.of(
                "bootstrap.servers",
                "127.0.0.1:9092",
                "isolation.level",
                "read_committed",
                "enable.auto.commit",
                false,
                "key.deserializer",
                StringDeserializer.class,
                "value.deserializer",
                ByteArrayDeserializer.class));
  }

  @Test
  void blankBootstrapServersAreRefused() {
    assertThatThrownBy(() -> KafkaClientConfigs.transactionalProducer(" ", "jsonl:posts.jsonl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrapServers must not be blank: ' '");
  }

  @Test
  void producerTimeoutsBoundBlockingAndDeliveryWithRoomForOneRequest() {
    assertThat(KafkaClientConfigs.producerTimeouts(Duration.ofSeconds(4)))
        .isEqualTo(
            Map.of("max.block.ms", 4000L, "delivery.timeout.ms", 4000, "request.timeout.ms", 2000));
  }

  @Test
  void consumerTimeoutsBoundEveryBlockingCall() {
    assertThat(KafkaClientConfigs.consumerTimeouts(Duration.ofSeconds(3)))
        .isEqualTo(Map.of("default.api.timeout.ms", 3000, "request.timeout.ms", 1500));
  }

  @Test
  void aKafkaTimeoutUnderOneSecondIsRefused() {
    assertThatThrownBy(() -> KafkaClientConfigs.producerTimeouts(Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Kafka timeout must be between 1 s and 2147483647 ms, got PT0.999S");
  }
}

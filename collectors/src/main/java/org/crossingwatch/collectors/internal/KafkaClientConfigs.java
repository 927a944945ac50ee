package org.crossingwatch.collectors.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka client settings collectors rely on; each one is part of the delivery guarantee. */
public final class KafkaClientConfigs {
  /** Prefix of every collector's {@code transactional.id}; the source id follows it. */
  public static final String TRANSACTIONAL_ID_PREFIX = "crossingwatch-collector-";

  private KafkaClientConfigs() {}

  /** The transactional id of the producer for {@code sourceId}. */
  public static String transactionalId(String sourceId) {
    return TRANSACTIONAL_ID_PREFIX + Objects.requireNonNull(sourceId, "sourceId");
  }

  /**
   * A transactional producer for one source. The transactional id is stable per source, so a
   * restarted collector fences its predecessor and aborts the transaction it left open.
   */
  public static Map<String, Object> transactionalProducer(
      String bootstrapServers, String sourceId) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(bootstrapServers),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
        transactionalId(sourceId),
        // Implied by transactions; stated so that nobody turns them off by accident.
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        ByteArraySerializer.class);
  }

  /**
   * A group-less consumer for reading checkpoints: {@code read_committed} to read them, {@code
   * read_uncommitted} only to learn the high watermarks.
   */
  public static Map<String, Object> checkpointConsumer(
      String bootstrapServers, IsolationLevel isolationLevel) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(bootstrapServers),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        isolationLevel.name().toLowerCase(Locale.ROOT),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        ByteArrayDeserializer.class);
  }

  /**
   * Producer settings that bound how long one call may block, replacing Kafka's defaults (60 s to
   * block in {@code send}, {@code initTransactions}, {@code abortTransaction}; 2 min for a
   * delivery): {@code max.block.ms} and {@code delivery.timeout.ms} = {@code timeout}, {@code
   * request.timeout.ms} = half of it, so that a delivery has time for at least one request.
   *
   * @throws IllegalArgumentException when {@code timeout} is under one second
   */
  public static Map<String, Object> producerTimeouts(Duration timeout) {
    long millis = timeoutMillis(timeout);
    return Map.of(
        ProducerConfig.MAX_BLOCK_MS_CONFIG,
        millis,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) millis,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        (int) (millis / 2));
  }

  /**
   * Consumer settings that bound how long one call may block ({@code default.api.timeout.ms} =
   * {@code timeout}, {@code request.timeout.ms} = half of it), replacing Kafka's 60 s and 30 s.
   *
   * @throws IllegalArgumentException when {@code timeout} is under one second
   */
  public static Map<String, Object> consumerTimeouts(Duration timeout) {
    long millis = timeoutMillis(timeout);
    return Map.of(
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) millis,
        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        (int) (millis / 2));
  }

  private static long timeoutMillis(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0
        || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(
          "Kafka timeout must be between 1 s and " + Integer.MAX_VALUE + " ms, got " + timeout);
    }
    return timeout.toMillis();
  }

  /**
   * {@code value} as a {@code bootstrap.servers} setting.
   *
   * @throws IllegalArgumentException when it is blank
   */
  public static String bootstrapServers(String value) {
    Objects.requireNonNull(value, "bootstrapServers");
    if (value.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers must not be blank: '" + value + "'");
    }
    return value;
  }
}

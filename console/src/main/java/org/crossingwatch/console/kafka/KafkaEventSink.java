package org.crossingwatch.console.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.console.view.EventSink;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.Json;

/**
 * Writes decisions and audit events with an idempotent producer ({@code acks=all}) and waits for
 * each acknowledgement. Thread-safe.
 */
public final class KafkaEventSink implements EventSink {
  private static final long ACK_TIMEOUT_SECONDS = 15;

  private final KafkaProducer<String, String> producer;
  private final ConsoleTopics topics;

  public KafkaEventSink(String bootstrapServers, ConsoleTopics topics) {
    this.topics = Objects.requireNonNull(topics, "topics");
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.CLIENT_ID_CONFIG,
            "crossingwatch-console",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            0,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            14_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  @Override
  public void decision(Decision decision) {
    send(topics.feedback(), decision.alertId(), Json.write(decision));
  }

  @Override
  public void audit(AuditEvent event) {
    send(topics.audit(), event.user(), Json.write(event));
  }

  private void send(String topic, String key, String value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key, value))
          .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Could not write to " + topic + ": " + (e.getCause() != null ? e.getCause() : e), e);
    }
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}

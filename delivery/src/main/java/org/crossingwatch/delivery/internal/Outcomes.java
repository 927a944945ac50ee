package org.crossingwatch.delivery.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.crossingwatch.delivery.DeliveryException;
import org.crossingwatch.delivery.DeliveryTopics;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.SchemaVersion;
import org.crossingwatch.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what happened to each message: metrics by sink, audit events on {@code cw.audit}, and
 * parked alerts on {@code cw.delivery.failed}. Thread-safe.
 *
 * <p>Metrics (tag {@code sink} is a configured sink name, so the tag set is bounded): {@value
 * #MESSAGES} by {@code result}: {@code sent} (messages a sink accepted, a digest counts once),
 * {@code retried} (failed attempts that will be retried), {@code failed} (alerts parked), {@code
 * rate_limited} (alerts held for a digest by the rate limit), every result registered at 0 for each
 * sink by {@link #register}; {@value #DIGESTS} by sink; untagged {@value #SKIPPED} (updates below
 * the repost threshold).
 */
public final class Outcomes {
  /** The audit user of delivery events. */
  public static final String AUDIT_USER = "delivery";

  /** Messages by {@code sink} and {@code result}. */
  public static final String MESSAGES = "crossingwatch.delivery.messages";

  /** Digests sent, by {@code sink}. */
  public static final String DIGESTS = "crossingwatch.delivery.digests";

  /** Repost updates not delivered because they were below the repost threshold. */
  public static final String SKIPPED = "crossingwatch.delivery.skipped";

  /** The {@code result} tag values of {@link #MESSAGES}. */
  public static final List<String> RESULTS = List.of("sent", "retried", "failed", "rate_limited");

  private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

  private final Producer<byte[], byte[]> producer;
  private final MeterRegistry registry;
  private final Clock clock;

  /** Outcomes written with {@code producer} and counted in {@code registry}. */
  public Outcomes(Producer<byte[], byte[]> producer, MeterRegistry registry, Clock clock) {
    this.producer = producer;
    this.registry = registry;
    this.clock = clock;
  }

  /** Registers every result of {@code sink} at 0, so dashboards show zeros, not gaps. */
  void register(String sink) {
    RESULTS.forEach(result -> messages(sink, result));
  }

  void sent(String sink, Notification notification) {
    messages(sink, "sent").increment();
    if (notification.kind() == Notification.Kind.DIGEST) {
      Counter.builder(DIGESTS).tag("sink", sink).register(registry).increment();
    }
    for (Alert alert : notification.alerts()) {
      audit(
          "delivery.sent",
          alert,
          Map.of(
              "sink",
              sink,
              "kind",
              notification.kind().event(),
              "deliveryId",
              notification.deliveryId()));
    }
    LOG.debug("Sink '{}' accepted {}", sink, notification.deliveryId());
  }

  void retried(String sink, DeliveryException e, int attempt) {
    messages(sink, "retried").increment();
    LOG.info("Attempt {} failed, will retry: {}", attempt, e.getMessage());
  }

  void rateLimited(String sink) {
    messages(sink, "rate_limited").increment();
  }

  void skipped() {
    registry.counter(SKIPPED).increment();
  }

  /**
   * Parks every alert of {@code notification} on {@code cw.delivery.failed} with the reason and
   * waits until the broker has them.
   *
   * @throws IllegalStateException when the broker did not take them
   */
  void parked(String sink, Notification notification, DeliveryException e, int attempts) {
    LOG.warn(
        "Parking {} on {} after {} attempts: {}",
        notification.deliveryId(),
        DeliveryTopics.FAILED,
        attempts,
        e.getMessage());
    for (Alert alert : notification.alerts()) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(DeliveryTopics.HEADER_SINK, sink.getBytes(UTF_8));
      headers.add(DeliveryTopics.HEADER_REASON, e.getMessage().getBytes(UTF_8));
      headers.add(DeliveryTopics.HEADER_ATTEMPTS, Integer.toString(attempts).getBytes(UTF_8));
      headers.add(DeliveryTopics.HEADER_DELIVERY_ID, notification.deliveryId().getBytes(UTF_8));
      ProducerRecord<byte[], byte[]> record =
          new ProducerRecord<>(
              DeliveryTopics.FAILED,
              null,
              alert.alertId().getBytes(UTF_8),
              Json.write(alert).getBytes(UTF_8),
              headers);
      await(record);
      messages(sink, "failed").increment();
      audit("delivery.failed", alert, Map.of("sink", sink, "reason", e.getMessage()));
    }
  }

  /** Writes an undecodable {@code cw.alerts} record to {@code cw.dlq} and waits for the broker. */
  void deadLetter(ProducerRecord<byte[], byte[]> record) {
    await(record);
  }

  private void await(ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record).get();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to " + record.topic(), ie);
    } catch (ExecutionException ee) {
      throw new IllegalStateException(
          "Could not write to " + record.topic() + ": " + ee.getCause().getMessage(), ee);
    }
  }

  private void audit(String action, Alert alert, Map<String, String> details) {
    AuditEvent event =
        new AuditEvent(
            SchemaVersion.CURRENT, AUDIT_USER, action, alert.alertId(), clock.instant(), details);
    producer.send(
        new ProducerRecord<>(
            Topics.AUDIT, AUDIT_USER.getBytes(UTF_8), Json.write(event).getBytes(UTF_8)),
        (metadata, error) -> {
          if (error != null) {
            LOG.warn("Could not write audit event {} for {}", action, alert.alertId(), error);
          }
        });
  }

  private Counter messages(String sink, String result) {
    return Counter.builder(MESSAGES)
        .description("Alert deliveries by sink and result")
        .tag("sink", sink)
        .tag("result", result)
        .register(registry);
  }
}

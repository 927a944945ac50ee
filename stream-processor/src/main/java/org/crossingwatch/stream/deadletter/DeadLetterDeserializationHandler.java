package org.crossingwatch.stream.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record Kafka Streams could not deserialize to the dead-letter topic with stage {@value
 * DeadLetter#DESERIALIZE}, its original key and value bytes and the {@link
 * org.crossingwatch.model.DeadLetterHeaders}, and carries on with the next record. The record is
 * produced by Kafka Streams itself (KIP-1034), in the same transaction as the rest of the output.
 *
 * <p>Configured by class name under {@code deserialization.exception.handler}; reads the topic from
 * {@code errors.dead.letter.queue.topic.name} (default {@code cw.dlq}) and the meter registry from
 * {@link MetricsConfig#REGISTRY_CONFIG}.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private String dlqTopic;
  private PipelineMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    dlqTopic = DeadLetterRecords.dlqTopic(configs);
    metrics = MetricsConfig.metricsFrom(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    String reason = "cannot deserialize the record: " + DeadLetter.messageOf(exception);
    LOG.warn(
        "Dead-lettering record from {}-{} at offset {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        reason);
    DeadLetter letter = DeadLetter.of(DeadLetter.DESERIALIZE, exception, reason, record.value());
    metrics.postDeadLettered(letter.stage());
    return Response.resume(
        List.of(
            DeadLetterRecords.producerRecord(
                dlqTopic,
                record.key(),
                letter,
                record.headers(),
                record.topic(),
                record.partition(),
                record.offset())));
  }
}

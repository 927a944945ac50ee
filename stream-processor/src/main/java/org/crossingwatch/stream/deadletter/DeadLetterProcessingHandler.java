package org.crossingwatch.stream.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net behind the topology's own error branches: when a processor throws, the source
 * record's original key and value bytes go to the dead-letter topic with stage {@value
 * DeadLetter#CLASSIFY} (everything after parsing belongs to the classify stage) and a reason that
 * names the processor, and processing carries on with the next record. The record is produced by
 * Kafka Streams itself (KIP-1034), in the same transaction as the rest of the output.
 *
 * <p>Configured by class name under {@code processing.exception.handler}; reads the topic from
 * {@code errors.dead.letter.queue.topic.name} (default {@code cw.dlq}) and the meter registry from
 * {@link MetricsConfig#REGISTRY_CONFIG}.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private String dlqTopic;
  private PipelineMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    dlqTopic = DeadLetterRecords.dlqTopic(configs);
    metrics = MetricsConfig.metricsFrom(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String reason =
        "processor '" + context.processorNodeId() + "' failed: " + DeadLetter.messageOf(exception);
    LOG.warn(
        "Dead-lettering record from {}-{} at offset {}: {}",
        context.topic(),
        context.partition(),
        context.offset(),
        reason,
        exception);
    DeadLetter letter =
        DeadLetter.of(DeadLetter.CLASSIFY, exception, reason, context.sourceRawValue());
    metrics.postDeadLettered(letter.stage());
    return Response.resume(
        List.of(
            DeadLetterRecords.producerRecord(
                dlqTopic,
                context.sourceRawKey(),
                letter,
                context.headers(),
                context.topic(),
                context.partition(),
                context.offset())));
  }
}

package org.crossingwatch.stream.deadletter;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.crossingwatch.stream.metrics.PipelineMetrics;

/**
 * Turns a {@link DeadLetter} into the record for {@code cw.dlq}: the original value, the original
 * headers plus the {@link org.crossingwatch.model.DeadLetterHeaders}, and the source record's
 * topic, partition and offset taken from the processing context. The key is left as it came in.
 */
public final class DeadLetterWriter implements FixedKeyProcessor<String, DeadLetter, byte[]> {
  private final PipelineMetrics metrics;
  private FixedKeyProcessorContext<String, byte[]> context;

  private DeadLetterWriter(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  /** A supplier of writers that count each dead letter on {@code metrics}. */
  public static FixedKeyProcessorSupplier<String, DeadLetter, byte[]> supplier(
      PipelineMetrics metrics) {
    Objects.requireNonNull(metrics, "metrics must not be null");
    return () -> new DeadLetterWriter(metrics);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, DeadLetter> record) {
    DeadLetter letter = record.value();
    // Same sub-topology as the source, so the metadata is the original record's.
    RecordMetadata origin = context.recordMetadata().orElse(null);
    var headers =
        DeadLetterRecords.headers(
            record.headers(),
            letter,
            origin == null ? null : origin.topic(),
            origin == null ? -1 : origin.partition(),
            origin == null ? -1 : origin.offset());
    metrics.postDeadLettered(letter.stage());
    context.forward(record.withValue(letter.rawValue()).withHeaders(headers));
  }
}

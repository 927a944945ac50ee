package org.crossingwatch.stream.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.crossingwatch.model.DeadLetterHeaders;
import org.crossingwatch.model.Topics;

/**
 * Builds what goes to {@code cw.dlq}: the original record's headers plus the {@link
 * DeadLetterHeaders} that say why and where it failed. Header values are UTF-8 text; partition and
 * offset are decimal, {@code -1} when unknown (a punctuation has no source record).
 */
public final class DeadLetterRecords {
  /** Written in the topic header when the source topic is unknown. */
  public static final String UNKNOWN_TOPIC = "unknown";

  private static final List<String> NAMES =
      List.of(
          DeadLetterHeaders.STAGE,
          DeadLetterHeaders.EXCEPTION,
          DeadLetterHeaders.REASON,
          DeadLetterHeaders.TOPIC,
          DeadLetterHeaders.PARTITION,
          DeadLetterHeaders.OFFSET);

  private DeadLetterRecords() {}

  /**
   * A copy of {@code original} with the dead-letter headers set (any earlier ones replaced, so a
   * record replayed from the DLQ and rejected again says why it failed this time).
   *
   * @param original the failed record's headers; may be null
   * @param letter why it failed
   * @param topic the topic it came from; null when unknown
   * @param partition its partition, -1 when unknown
   * @param offset its offset, -1 when unknown
   */
  public static Headers headers(
      Headers original, DeadLetter letter, String topic, int partition, long offset) {
    Objects.requireNonNull(letter, "letter must not be null");
    RecordHeaders headers =
        original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
    NAMES.forEach(headers::remove);
    headers.add(DeadLetterHeaders.STAGE, letter.stage().getBytes(UTF_8));
    headers.add(DeadLetterHeaders.EXCEPTION, letter.exceptionClass().getBytes(UTF_8));
    headers.add(DeadLetterHeaders.REASON, letter.reason().getBytes(UTF_8));
    headers.add(DeadLetterHeaders.TOPIC, (topic == null ? UNKNOWN_TOPIC : topic).getBytes(UTF_8));
    headers.add(DeadLetterHeaders.PARTITION, Integer.toString(partition).getBytes(UTF_8));
    headers.add(DeadLetterHeaders.OFFSET, Long.toString(offset).getBytes(UTF_8));
    return headers;
  }

  /**
   * A record for {@code dlqTopic} carrying the original key and value bytes, for the exception
   * handlers' {@code Response.resume(List)}.
   */
  static ProducerRecord<byte[], byte[]> producerRecord(
      String dlqTopic,
      byte[] rawKey,
      DeadLetter letter,
      Headers original,
      String topic,
      int partition,
      long offset) {
    return new ProducerRecord<>(
        dlqTopic,
        null,
        rawKey,
        letter.rawValue(),
        headers(original, letter, topic, partition, offset));
  }

  /** The dead-letter topic from Kafka's own setting when present, else {@link Topics#DLQ}. */
  static String dlqTopic(Map<String, ?> configs) {
    Object configured = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    return configured == null || configured.toString().isBlank()
        ? Topics.DLQ
        : configured.toString();
  }
}

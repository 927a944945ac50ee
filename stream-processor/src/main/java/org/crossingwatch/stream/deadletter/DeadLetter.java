package org.crossingwatch.stream.deadletter;

import java.util.List;
import java.util.Objects;

/**
 * Why a record is being sent to {@code cw.dlq}, with the record's original value. Where it came
 * from (topic, partition, offset) is read from the processing context when the dead letter is
 * written, because it is the same source record.
 *
 * @param stage the pipeline stage that rejected the record, one of {@link #STAGES}
 * @param exceptionClass the fully qualified class name of the exception behind the rejection
 * @param reason a human-readable reason naming the value at fault
 * @param rawValue the record's value exactly as consumed; may be null for a record without value.
 *     Not copied: it is the consumed record's array, which nothing mutates.
 */
public record DeadLetter(String stage, String exceptionClass, String reason, byte[] rawValue) {
  /** Stage of records whose bytes could not be read as a post. */
  public static final String PARSE = "parse";

  /** Stage of posts the classifier, or anything after it, failed on. */
  public static final String CLASSIFY = "classify";

  /** Stage of records Kafka Streams could not deserialize before they reached the topology. */
  public static final String DESERIALIZE = "deserialize";

  /** Every stage, in pipeline order. */
  public static final List<String> STAGES = List.of(DESERIALIZE, PARSE, CLASSIFY);

  public DeadLetter {
    Objects.requireNonNull(stage, "stage must not be null");
    if (!STAGES.contains(stage)) {
      throw new IllegalArgumentException(
          "DeadLetter stage must be one of " + STAGES + ", was '" + stage + "'");
    }
    Objects.requireNonNull(exceptionClass, "exceptionClass must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }

  /** The dead letter for a record rejected at {@code stage} because of {@code cause}. */
  public static DeadLetter of(String stage, Throwable cause, String reason, byte[] rawValue) {
    return new DeadLetter(stage, cause.getClass().getName(), reason, rawValue);
  }

  /** As {@link #of(String, Throwable, String, byte[])} with the cause's message as the reason. */
  public static DeadLetter of(String stage, Throwable cause, byte[] rawValue) {
    return of(stage, cause, messageOf(cause), rawValue);
  }

  /** The message of {@code cause}, or its class name when it has none. */
  public static String messageOf(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getName() : message;
  }
}

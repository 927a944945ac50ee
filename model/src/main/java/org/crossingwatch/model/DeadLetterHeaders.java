package org.crossingwatch.model;

/** Header names on {@code cw.dlq} records: why and where a record failed. */
public final class DeadLetterHeaders {
  /** Pipeline stage that rejected the record, for example {@code parse} or {@code classify}. */
  public static final String STAGE = "cw.dlq.stage";

  /** Exception class name. */
  public static final String EXCEPTION = "cw.dlq.exception";

  /** Human-readable reason. */
  public static final String REASON = "cw.dlq.reason";

  /** Topic the record came from. */
  public static final String TOPIC = "cw.dlq.topic";

  /** Partition it came from. */
  public static final String PARTITION = "cw.dlq.partition";

  /** Offset it had there. */
  public static final String OFFSET = "cw.dlq.offset";

  private DeadLetterHeaders() {}
}

package org.crossingwatch.stream.parse;

import java.util.Locale;
import java.util.Objects;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.stream.deadletter.DeadLetter;
import org.crossingwatch.stream.deadletter.Outcome;
import org.crossingwatch.stream.metrics.PipelineMetrics;

/**
 * Reads a raw {@code cw.posts.raw} value as a {@link Post}. Never throws: a record with no value,
 * more bytes than the limit, bytes that are not JSON, or JSON that is not a valid post becomes a
 * {@link DeadLetter} at stage {@value DeadLetter#PARSE} whose reason says what is wrong (for
 * example {@code Invalid Post JSON: missing required field 'text' in Post}). Thread-safe.
 */
public final class PostParser {
  private final int maxRecordBytes;
  private final PipelineMetrics metrics;

  /**
   * @param maxRecordBytes the largest raw value accepted, in bytes
   * @param metrics where parsed posts are counted
   */
  public PostParser(int maxRecordBytes, PipelineMetrics metrics) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException(
          "maxRecordBytes must be at least 1, was " + maxRecordBytes);
    }
    this.maxRecordBytes = maxRecordBytes;
    this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
  }

  /** The post in {@code rawValue}, or the dead letter that says why there is none. */
  public Outcome<ParsedPost> parse(byte[] rawValue) {
    try {
      Post post = Json.read(checkedSize(rawValue), Post.class);
      metrics.postParsed();
      return Outcome.success(new ParsedPost(post, rawValue));
    } catch (RuntimeException e) {
      return Outcome.failure(DeadLetter.of(DeadLetter.PARSE, e, rawValue));
    }
  }

  private byte[] checkedSize(byte[] rawValue) {
    if (rawValue == null) {
      throw new RejectedRecordException("record has no value");
    }
    if (rawValue.length > maxRecordBytes) {
      throw new RejectedRecordException(
          String.format(
              Locale.ROOT,
              "record is %d bytes, over the %d-byte limit",
              rawValue.length,
              maxRecordBytes));
    }
    return rawValue;
  }
}

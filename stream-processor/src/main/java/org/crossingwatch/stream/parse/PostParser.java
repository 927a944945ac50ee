package org.crossingwatch.stream.parse;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.stream.deadletter.DeadLetter;
import org.crossingwatch.stream.deadletter.Outcome;
import org.crossingwatch.stream.metrics.PipelineMetrics;

/**
 * Reads a raw {@code cw.posts.raw} value as a {@link Post}. Never throws: a record with no value,
 * bytes that are not JSON, or JSON that is not a valid post becomes a {@link DeadLetter} at stage
 * {@value DeadLetter#PARSE} whose reason says what is wrong (for example {@code Invalid Post JSON:
 * missing required field 'text' in Post}). A record over the size limit becomes a dead letter
 * saying so <em>and</em>, when it still reads as a post, a post marked {@linkplain
 * ParsedPost#oversized() oversized}, so that it is scored on its head and flagged instead of
 * disappearing into the dead-letter topic. Thread-safe.
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

  /**
   * What {@code rawValue} holds: the post; or the dead letter that says why there is none; or, for
   * a record over the size limit, the dead letter followed by the oversized post when it reads as
   * one.
   */
  public List<Outcome<ParsedPost>> parse(byte[] rawValue) {
    if (rawValue == null) {
      return List.of(
          Outcome.failure(
              DeadLetter.of(
                  DeadLetter.PARSE, new RejectedRecordException("record has no value"), null)));
    }
    if (rawValue.length <= maxRecordBytes) {
      return List.of(read(rawValue, false));
    }
    Outcome<ParsedPost> tooBig =
        Outcome.failure(
            DeadLetter.of(
                DeadLetter.PARSE,
                new RejectedRecordException(
                    String.format(
                        Locale.ROOT,
                        "record is %d bytes, over the %d-byte limit",
                        rawValue.length,
                        maxRecordBytes)),
                rawValue));
    Outcome<ParsedPost> post = read(rawValue, true);
    return post.failed() ? List.of(tooBig) : List.of(tooBig, post);
  }

  private Outcome<ParsedPost> read(byte[] rawValue, boolean oversized) {
    try {
      Post post = Json.read(rawValue, Post.class);
      metrics.postParsed(post.platform());
      return Outcome.success(new ParsedPost(post, rawValue, oversized));
    } catch (RuntimeException e) {
      return Outcome.failure(DeadLetter.of(DeadLetter.PARSE, e, rawValue));
    }
  }
}

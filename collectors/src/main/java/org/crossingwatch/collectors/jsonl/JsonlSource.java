package org.crossingwatch.collectors.jsonl;

import static java.nio.file.StandardOpenOption.READ;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.Problem;
import org.crossingwatch.collectors.Source;
import org.crossingwatch.collectors.jsonl.JsonlLineParser.Outcome;
import org.crossingwatch.collectors.jsonl.JsonlLineParser.Parsed;
import org.crossingwatch.collectors.jsonl.JsonlLineParser.Rejected;
import org.crossingwatch.model.Post;

/**
 * Replays posts from a UTF-8 JSONL file, one JSON object per line, in the {@link Post} JSON shape
 * without the fields a collector fills. Each line needs {@code platform}, {@code channel}, {@code
 * externalId} and {@code text}, and may have {@code url}, {@code author}, {@code languageHint},
 * {@code publishedAt}, {@code links}, {@code forwardedFrom}, {@code collectedAt} and {@code key}
 * (which must then match). The source fills:
 *
 * <ul>
 *   <li>{@code collectedAt}: the clock's now, when the line has none;
 *   <li>{@code captureSha256}: the hex SHA-256 of the line's bytes without its terminator ({@code
 *       \n} or {@code \r\n}); a value on the line is replaced, since the line is the capture.
 * </ul>
 *
 * <p><b>Bad lines</b> are skipped and reported in {@link Batch#problems()} with {@code file:line}
 * and one of the reasons {@code invalid-utf8}, {@code malformed-json} (not a JSON object), {@code
 * invalid-post} (a JSON object that is not a valid post, with the model's message such as {@code
 * Invalid Post JSON: missing required field 'text' in Post}) and {@code line-too-long} (over
 * {@value #MAX_LINE_BYTES} bytes). They never stop the replay, and they are not lost: the report
 * points at the line, which stays in the file. They are not forwarded to Kafka, since what reaches
 * {@code cw.posts.raw} is always a valid post. Blank lines are skipped silently.
 *
 * <p><b>Checkpoints</b> are {@code byte=<offset>,line=<number>} of the next unread line; a poll
 * seeks straight to the offset and streams from there, never loading the file whole. The file may
 * grow between polls. A last line without a terminating newline is read only once it is a whole
 * JSON object; otherwise it is left for a later poll, as its writer may still be writing it. A file
 * shorter than its checkpoint (replaced or truncated) is an error: resuming would skip or repeat.
 */
public final class JsonlSource implements Source {
  /** Longest line kept; longer ones are skipped as {@code line-too-long}. */
  public static final int MAX_LINE_BYTES = 1 << 20;

  private static final int READ_BUFFER_BYTES = 1 << 16;

  private final Path file;
  private final String id;
  private final String fileName;
  private final JsonlLineParser parser;

  private JsonlSource(Path file, String id, Clock clock) {
    this.file = Objects.requireNonNull(file, "file");
    this.id = Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("JSONL source id must not be blank: '" + id + "'");
    }
    Path name = file.getFileName();
    if (name == null) {
      throw new IllegalArgumentException("JSONL source needs a file, got '" + file + "'");
    }
    this.fileName = name.toString();
    this.parser = new JsonlLineParser(Objects.requireNonNull(clock, "clock"));
  }

  /** A source for {@code file} with the id {@code jsonl:<file name>} and the system UTC clock. */
  public static JsonlSource of(Path file) {
    Objects.requireNonNull(file, "file");
    return of(file, "jsonl:" + file.getFileName(), Clock.systemUTC());
  }

  /**
   * A source for {@code file} with a configured id and the clock that stamps {@code collectedAt}.
   */
  public static JsonlSource of(Path file, String id, Clock clock) {
    return new JsonlSource(file, id, clock);
  }

  @Override
  public String id() {
    return id;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the checkpoint is not one this source wrote
   * @throws IllegalStateException when the file is shorter than the checkpoint's offset
   * @throws IOException when the file cannot be read (for example it does not exist yet)
   */
  @Override
  public Batch poll(Optional<String> checkpoint, int maxPosts) throws IOException {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (maxPosts < 1) {
      throw new IllegalArgumentException("maxPosts must be at least 1, got " + maxPosts);
    }
    JsonlPosition position = checkpoint.map(JsonlPosition::parse).orElse(JsonlPosition.START);
    try (FileChannel channel = FileChannel.open(file, READ)) {
      long size = channel.size();
      if (position.byteOffset() > size) {
        throw new IllegalStateException(
            "JSONL file "
                + file
                + " has "
                + size
                + " bytes, fewer than its checkpoint '"
                + position
                + "': was it replaced or truncated?");
      }
      channel.position(position.byteOffset());
      LineReader lines =
          new LineReader(
              new BufferedInputStream(Channels.newInputStream(channel), READ_BUFFER_BYTES),
              MAX_LINE_BYTES);
      List<Post> posts = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      boolean reachedEnd = false;
      while (posts.size() + problems.size() < maxPosts) {
        LineReader.RawLine line = lines.next();
        if (line == null) {
          reachedEnd = true;
          break;
        }
        Outcome outcome = outcomeOf(line, position.byteOffset() == 0);
        if (!line.terminated() && !outcome.wholeJsonObject()) {
          reachedEnd = true;
          break;
        }
        String location = fileName + ":" + position.lineNumber();
        position = position.after(line.length());
        if (outcome instanceof Parsed parsed) {
          posts.add(parsed.post());
        } else if (outcome instanceof Rejected rejected) {
          problems.add(new Problem(location, rejected.reason(), rejected.detail()));
        }
      }
      boolean exhausted = reachedEnd || position.byteOffset() >= size;
      return new Batch(posts, problems, position.toString(), exhausted);
    }
  }

  private Outcome outcomeOf(LineReader.RawLine line, boolean firstInFile) {
    if (line.tooLong()) {
      return new Rejected(
          "line-too-long", "line is longer than " + MAX_LINE_BYTES + " bytes", false);
    }
    return parser.parse(line.content(), firstInFile);
  }

  @Override
  public String toString() {
    return "JsonlSource[" + id + " <- " + file + "]";
  }
}

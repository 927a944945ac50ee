package org.crossingwatch.collectors.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.Problem;
import org.crossingwatch.collectors.Source;
import org.crossingwatch.model.Post;

/**
 * Posts from a Telegram Desktop export ({@code result.json}): a single chat or a full export with
 * {@code chats.list}, streamed with Jackson's {@code JsonParser} so files of hundreds of megabytes
 * are never loaded whole.
 *
 * <p>Posts: platform {@code telegram}, channel the chat's {@code id} (its {@code name} when the
 * export has no id), externalId the message {@code id}, author {@code from}, text from {@code text}
 * (a string, or an array of strings and entity objects whose {@code text} is concatenated; {@code
 * text_entities} when {@code text} is absent), links from {@code link} and {@code text_link}
 * entities, publishedAt from {@code date_unixtime} (else {@code date} read as UTC), forwardedFrom
 * {@code forwarded_from}, collectedAt the clock's now, captureSha256 the SHA-256 of the message
 * object's exact bytes in the file. Service messages ({@code "type": "service"}) are skipped
 * silently; a message without an id is reported as a {@link Problem} {@code invalid-message}.
 *
 * <p>Checkpoints are {@code message=<n>}: n message objects consumed (service ones included). The
 * source keeps its parser open between polls that continue where the last one ended, and re-streams
 * from the start (skipping fast) otherwise, so the same checkpoint always yields the same posts.
 * {@link #bytesRead()} and {@link #fileSize()} show progress from any thread.
 */
public final class TelegramExportSource implements Source {
  private static final Pattern POSITION = Pattern.compile("message=(\\d{1,18})");

  private final Path file;
  private final String id;
  private final Clock clock;
  private final long fileSize;
  private volatile ExportReader reader;

  /** A source over {@code file}, with the id {@code telegram-export:<file name>} by default. */
  public TelegramExportSource(Path file, String id, Clock clock) throws IOException {
    this.file = Objects.requireNonNull(file, "file");
    this.id = Objects.requireNonNull(id, "id");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fileSize = Files.size(file);
  }

  @Override
  public String id() {
    return id;
  }

  /** The export's size in bytes. */
  public long fileSize() {
    return fileSize;
  }

  /** Bytes of the export read so far by the current pass; safe from any thread. */
  public long bytesRead() {
    ExportReader r = reader;
    return r == null ? 0 : r.bytesRead();
  }

  @Override
  public Batch poll(Optional<String> checkpoint, int maxPosts) throws IOException {
    long start = position(checkpoint);
    if (reader == null || reader.consumed() != start) {
      close();
      reader = new ExportReader(file);
      reader.skip(start);
    }
    List<Post> posts = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Instant now = clock.instant();
    while (posts.size() + problems.size() < maxPosts) {
      Optional<ExportReader.RawMessage> next = reader.next();
      if (next.isEmpty()) {
        break;
      }
      ExportReader.RawMessage raw = next.get();
      JsonNode m = raw.message();
      if (!"message".equals(m.path("type").asText("message"))) {
        continue;
      }
      if (!m.hasNonNull("id")) {
        problems.add(
            new Problem(
                file.getFileName() + ": message " + raw.index(),
                "invalid-message",
                "message object without an id"));
        continue;
      }
      posts.add(toPost(raw, now));
    }
    String position = "message=" + reader.consumed();
    return new Batch(posts, problems, position, reader.ended());
  }

  private static long position(Optional<String> checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (checkpoint.isEmpty()) {
      return 0;
    }
    Matcher m = POSITION.matcher(checkpoint.get());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Telegram export checkpoint '" + checkpoint.get() + "' is not of the form 'message=<n>'");
    }
    return Long.parseLong(m.group(1));
  }

  private static Post toPost(ExportReader.RawMessage raw, Instant collectedAt) {
    JsonNode m = raw.message();
    String channel =
        raw.chat().id().or(() -> raw.chat().name()).filter(s -> !s.isBlank()).orElse("unknown");
    StringBuilder text = new StringBuilder();
    LinkedHashSet<String> links = new LinkedHashSet<>();
    JsonNode body = m.has("text") ? m.get("text") : m.path("text_entities");
    if (body.isTextual()) {
      text.append(body.asText());
    } else if (body.isArray()) {
      for (JsonNode part : body) {
        if (part.isTextual()) {
          text.append(part.asText());
        } else {
          text.append(part.path("text").asText(""));
          entityLink(part).ifPresent(links::add);
        }
      }
    }
    if (body.isTextual() && m.path("text_entities").isArray()) {
      m.get("text_entities").forEach(e -> entityLink(e).ifPresent(links::add));
    }
    return new Post(
        0,
        null,
        "telegram",
        channel,
        m.get("id").asText(),
        Optional.empty(),
        textField(m, "from"),
        text.toString(),
        Optional.empty(),
        publishedAt(m),
        collectedAt,
        List.copyOf(links),
        textField(m, "forwarded_from"),
        raw.sha256());
  }

  private static Optional<String> entityLink(JsonNode entity) {
    String type = entity.path("type").asText("");
    if (type.equals("link")) {
      return Optional.of(entity.path("text").asText()).filter(s -> !s.isBlank());
    }
    if (type.equals("text_link")) {
      return Optional.of(entity.path("href").asText()).filter(s -> !s.isBlank());
    }
    return Optional.empty();
  }

  private static Optional<String> textField(JsonNode m, String field) {
    JsonNode v = m.get(field);
    return v == null || v.isNull() || v.asText().isBlank()
        ? Optional.empty()
        : Optional.of(v.asText());
  }

  private static Optional<Instant> publishedAt(JsonNode m) {
    JsonNode unix = m.get("date_unixtime");
    if (unix != null && unix.asText().matches("\\d{1,12}")) {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(unix.asText())));
    }
    JsonNode date = m.get("date");
    if (date != null && date.isTextual()) {
      try {
        return Optional.of(LocalDateTime.parse(date.asText()).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      ExportReader closing = reader;
      reader = null;
      closing.close();
    }
  }

  @Override
  public String toString() {
    return "TelegramExportSource[" + id + " <- " + file + "]";
  }
}

package org.crossingwatch.collectors.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;

/**
 * Streams the messages out of a Telegram Desktop {@code result.json}, a single chat ({@code
 * {"name":..,"id":..,"messages":[..]}}) or a full export ({@code chats.list[]} and {@code
 * left_chats.list[]} of such chats), one message object at a time with the exact bytes it had in
 * the file, so memory does not grow with the file.
 */
final class ExportReader implements Closeable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> CONTAINERS = Set.of("chats", "left_chats", "list");

  /** The chat a message belongs to. */
  record Chat(Optional<String> id, Optional<String> name, Optional<String> type) {}

  /** One message object: its chat, its tree, the SHA-256 of its bytes, its 1-based index. */
  record RawMessage(Chat chat, JsonNode message, String sha256, long index) {}

  private final RecordingInputStream in;
  private final JsonParser parser;
  private String chatId;
  private String chatName;
  private String chatType;
  private Chat chat;
  private boolean inMessages;
  private long consumed;
  private boolean ended;

  ExportReader(Path file) throws IOException {
    this.in =
        new RecordingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    this.parser = new JsonFactory().createParser(in);
  }

  /** Message objects consumed so far, skipped ones included. */
  long consumed() {
    return consumed;
  }

  long bytesRead() {
    return in.bytesRead();
  }

  boolean ended() {
    return ended;
  }

  /** Skips {@code count} message objects without building them. */
  void skip(long count) throws IOException {
    for (long i = 0; i < count; i++) {
      if (!advanceToMessage()) {
        throw new IllegalStateException(
            "Telegram export has only "
                + consumed
                + " messages, fewer than its checkpoint "
                + count);
      }
      parser.skipChildren();
      consumed++;
      in.discardBefore(parser.currentLocation().getByteOffset());
    }
  }

  /** The next message object, or empty at the end of the file. */
  Optional<RawMessage> next() throws IOException {
    if (!advanceToMessage()) {
      return Optional.empty();
    }
    long start = parser.currentTokenLocation().getByteOffset();
    JsonNode message = MAPPER.readTree(parser);
    long end = parser.currentLocation().getByteOffset();
    String sha = WarcEvidenceStore.sha256Hex(in.bytes(start, end));
    in.discardBefore(end);
    consumed++;
    return Optional.of(new RawMessage(chat, message, sha, consumed));
  }

  /** Moves to the START_OBJECT of the next message; false at the end. */
  private boolean advanceToMessage() throws IOException {
    while (true) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        ended = true;
        return false;
      }
      in.discardBefore(parser.currentTokenLocation().getByteOffset());
      if (inMessages) {
        if (token == JsonToken.START_OBJECT) {
          return true;
        }
        if (token == JsonToken.END_ARRAY) {
          inMessages = false;
        } else {
          parser.skipChildren();
        }
        continue;
      }
      if (token == JsonToken.START_OBJECT) {
        chatId = null;
        chatName = null;
        chatType = null;
      } else if (token == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("messages") && value == JsonToken.START_ARRAY) {
          inMessages = true;
          chat =
              new Chat(
                  Optional.ofNullable(chatId),
                  Optional.ofNullable(chatName),
                  Optional.ofNullable(chatType));
        } else if (CONTAINERS.contains(field)
            && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)) {
          continue; // descend: chats live in these
        } else if (value.isScalarValue()) {
          switch (field) {
            case "id" -> chatId = parser.getValueAsString();
            case "name" -> chatName = parser.getValueAsString();
            case "type" -> chatType = parser.getValueAsString();
            default -> {}
          }
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
    in.close();
  }
}

package org.crossingwatch.collectors.jsonl;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import org.crossingwatch.model.InvalidJsonException;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;

/** Turns one JSONL line into a {@link Post}, or says why it cannot. */
final class JsonlLineParser {
  /** What one line turned out to be. */
  sealed interface Outcome permits Blank, Parsed, Rejected {
    /** True when the line held a whole JSON object, so it cannot be a line still being written. */
    boolean wholeJsonObject();
  }

  record Blank() implements Outcome {
    @Override
    public boolean wholeJsonObject() {
      return false;
    }
  }

  record Parsed(Post post) implements Outcome {
    @Override
    public boolean wholeJsonObject() {
      return true;
    }
  }

  record Rejected(String reason, String detail, boolean wholeJsonObject) implements Outcome {}

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  // The shared mapper would accept `{"a":1} trailing garbage` as the object alone.
  private static final ObjectReader TREE_READER =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Clock clock;

  JsonlLineParser(Clock clock) {
    this.clock = clock;
  }

  /**
   * Parses one line.
   *
   * @param content the line's bytes without its terminator: the capture that is hashed
   * @param firstInFile whether the line starts the file (where a UTF-8 byte order mark is skipped)
   */
  Outcome parse(byte[] content, boolean firstInFile) {
    int start = firstInFile && startsWithBom(content) ? BOM.length : 0;
    CharBuffer text = CharBuffer.allocate(content.length);
    ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
    CharsetDecoder decoder = UTF_8.newDecoder();
    CoderResult result = decoder.decode(bytes, text, true);
    if (result.isError()) {
      return new Rejected(
          "invalid-utf8",
          "not valid UTF-8 at byte " + (bytes.position() + 1) + " of the line",
          false);
    }
    decoder.flush(text);
    String line = text.flip().toString();
    if (line.isBlank()) {
      return new Blank();
    }
    JsonNode tree;
    try {
      tree = TREE_READER.readTree(line);
    } catch (JsonProcessingException e) {
      return new Rejected("malformed-json", "not JSON: " + e.getOriginalMessage(), false);
    }
    if (!(tree instanceof ObjectNode object)) {
      return new Rejected(
          "malformed-json",
          "not a JSON object but " + tree.getNodeType().name().toLowerCase(Locale.ROOT),
          false);
    }
    if (!object.hasNonNull("collectedAt")) {
      object.put("collectedAt", clock.instant().toString());
    }
    // The line is the capture, so its hash replaces any the line brought along.
    object.put("captureSha256", sha256Hex(content));
    try {
      return new Parsed(Json.read(Json.write(object), Post.class));
    } catch (InvalidJsonException e) {
      return new Rejected("invalid-post", e.getMessage(), true);
    }
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= BOM.length
        && content[0] == BOM[0]
        && content[1] == BOM[1]
        && content[2] == BOM[2];
  }
}

package org.crossingwatch.classifier.evaluation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.model.Json;

/**
 * A JSONL file of labelled posts: one object per line with {@code id}, {@code text} and {@code
 * label} (1 or 0, or {@code true}/{@code false}), optionally {@code lang}, {@code kind} and {@code
 * obfuscated}; other fields are ignored. A line that is not such an object is reported with its
 * line number and skipped; blank lines are skipped silently.
 *
 * @param posts the posts read, in file order
 * @param problems one message per skipped line, {@code line N: reason}
 * @param sha256 hex SHA-256 of the file's bytes, to record which corpus a model was trained on
 */
public record LabelledCorpus(List<LabelledPost> posts, List<String> problems, String sha256) {
  public LabelledCorpus {
    posts = List.copyOf(posts);
    problems = List.copyOf(problems);
    requireNonNull(sha256, "sha256");
  }

  /**
   * Reads a labelled JSONL file.
   *
   * @throws IOException if the file cannot be read
   */
  public static LabelledCorpus read(Path file) throws IOException {
    requireNonNull(file, "file");
    List<LabelledPost> posts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    MessageDigest sha256 = newSha256();
    try (InputStream raw = Files.newInputStream(file);
        DigestInputStream digesting = new DigestInputStream(raw, sha256);
        BufferedReader lines =
            new BufferedReader(new java.io.InputStreamReader(digesting, UTF_8))) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          posts.add(parse(line));
        } catch (IllegalArgumentException e) {
          problems.add("line " + number + ": " + e.getMessage());
        }
      }
    }
    return new LabelledCorpus(posts, problems, HexFormat.of().formatHex(sha256.digest()));
  }

  /**
   * Parses one line.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static LabelledPost parse(String line) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String id = text(node, "id").orElseThrow(() -> missing("id"));
    String text = text(node, "text").orElseThrow(() -> missing("text"));
    JsonNode label = node.get("label");
    int value;
    if (label == null || label.isNull()) {
      throw missing("label");
    } else if (label.isBoolean()) {
      value = label.booleanValue() ? 1 : 0;
    } else if (label.isIntegralNumber() && (label.intValue() == 0 || label.intValue() == 1)) {
      value = label.intValue();
    } else {
      throw new IllegalArgumentException("label must be 0 or 1, was " + label);
    }
    JsonNode obfuscated = node.get("obfuscated");
    return new LabelledPost(
        id,
        text,
        value,
        text(node, "lang"),
        text(node, "kind"),
        obfuscated != null && obfuscated.asBoolean(false));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string, was " + value);
    }
    return Optional.of(value.textValue());
  }

  private static IllegalArgumentException missing(String field) {
    return new IllegalArgumentException("missing required field '" + field + "'");
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

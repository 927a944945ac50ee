package org.crossingwatch.bench.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;

/**
 * The benchmark's posts: the texts of {@code data/corpus/*.jsonl} and {@code samples/posts.jsonl},
 * repeated with varied keys. Post {@code n} has text {@code n % texts}, channel and id derived from
 * {@code n}, so every post key is new and repeats of a text are reposts, as on real channels.
 */
final class BenchPosts {
  private final List<Source> sources;

  private record Source(String platform, String channel, String text, Optional<String> language) {}

  private BenchPosts(List<Source> sources) {
    if (sources.isEmpty()) {
      throw new IllegalStateException("No posts found to benchmark with");
    }
    this.sources = List.copyOf(sources);
  }

  /**
   * Reads the corpus and samples under the project folder {@code root}.
   *
   * @throws UncheckedIOException when a file cannot be read
   */
  static BenchPosts load(Path root) {
    Objects.requireNonNull(root, "root must not be null");
    List<Source> sources = new ArrayList<>();
    for (Path file :
        List.of(
            root.resolve("data/corpus/train.jsonl"),
            root.resolve("data/corpus/dev.jsonl"),
            root.resolve("samples/posts.jsonl"))) {
      try {
        for (String line : Files.readAllLines(file, UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = Json.mapper().readTree(line);
          String hint = node.path("lang").asText(node.path("languageHint").asText(""));
          sources.add(
              new Source(
                  node.path("platform").asText("telegram"),
                  node.path("channel").asText("bench"),
                  node.path("text").asText(),
                  hint.isEmpty() ? Optional.empty() : Optional.of(hint)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read benchmark posts from " + file, e);
      }
    }
    return new BenchPosts(sources);
  }

  /** How many distinct texts there are. */
  int texts() {
    return sources.size();
  }

  /** Post {@code n}, collected at {@code collectedAt}; its key is {@code platform:channel:b<n>}. */
  Post post(long n, Instant collectedAt) {
    Source source = sources.get((int) (n % sources.size()));
    return new Post(
        1,
        null,
        source.platform(),
        source.channel() + "_" + (n / sources.size()) % 50,
        "b" + n,
        Optional.empty(),
        Optional.empty(),
        source.text(),
        source.language(),
        Optional.empty(),
        collectedAt,
        List.of(),
        Optional.empty(),
        "00");
  }
}

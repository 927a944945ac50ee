package org.crossingwatch.app.run;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;

/** The checkout's bundled rules and samples, and settings for an all-in-one run in a test. */
final class RunFixtures {
  static final Path PROJECT = findProjectRoot();
  static final Path RULES = PROJECT.resolve("rules");
  static final Path SAMPLES = PROJECT.resolve("samples").resolve("posts.jsonl");
  static final Path LABELS = PROJECT.resolve("samples").resolve("labels.tsv");

  private RunFixtures() {}

  static RunSettings settings(Path dataDir, Path posts) {
    return new RunSettings(
        dataDir,
        Optional.empty(),
        RULES,
        posts,
        false,
        "127.0.0.1",
        0,
        3,
        ClassifierSettings.defaults());
  }

  /** Post key to label ({@code offer} or {@code negative}) from {@code samples/labels.tsv}. */
  static Map<String, String> sampleLabels() {
    try {
      return Files.readAllLines(LABELS, UTF_8).stream()
          .filter(line -> !line.isBlank())
          .map(line -> line.split("\t"))
          .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> sampleLines() {
    try {
      return Files.readAllLines(SAMPLES, UTF_8).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The posts the shipped classifier alerts on when run offline over the samples, outside Kafka:
   * the pipeline must produce exactly these alerts, no more and no fewer.
   */
  static Set<String> alertingOffline() throws Exception {
    List<String> lines = RunFixtures.sampleLines();
    try (Classifier classifier =
        Classifier.fromRules(
            RulePackLoader.load(RunFixtures.RULES), ClassifierSettings.defaults())) {
      Set<String> alerting = new HashSet<>();
      for (String line : lines) {
        Post post = Json.read(withCaptureFields(line), Post.class);
        if (classifier.classify(post).alert()) {
          alerting.add(post.key());
        }
      }
      return alerting;
    }
  }

  private static String withCaptureFields(String line) {
    return line.replaceFirst(
        "\\{", "{\"collectedAt\":\"2026-11-01T00:00:00Z\",\"captureSha256\":\"00\",");
  }

  /** A writer whose text the test can read back. */
  static final class Output {
    final StringWriter text = new StringWriter();
    final PrintWriter writer = new PrintWriter(text, true);

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static Path findProjectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("rules"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No rules/ folder above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}

package org.crossingwatch.app.classify;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crossingwatch.classifier.Classification;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch score --input posts.jsonl [--output out.jsonl]}: scores a JSONL file of
 * posts offline. Input lines need {@code id} and {@code text}; {@code platform}, {@code channel}
 * and {@code languageHint} are used when present, other fields are ignored. A collected post as the
 * collectors publish it (no {@code id}, but {@code externalId}) is scored too and identified by its
 * key {@code platform:channel:externalId}. Each output line has {@code id}, {@code score}, {@code
 * alert}, {@code languages}, {@code reasons} (rule id, category, contribution, spans), {@code
 * contributions} and {@code entities}. A bad line is reported on stderr with its line number and
 * skipped; progress goes to stderr every {@value #PROGRESS_EVERY} posts.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = "Scores a JSONL file of posts and writes one verdict line per post.")
public final class ScoreCommand implements Callable<Integer> {
  static final int PROGRESS_EVERY = 10_000;

  @Spec CommandSpec spec;

  @Mixin ClassifierOptions classifierOptions;

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description =
          "The posts, one JSON object per line with at least id and text, or collected posts"
              + " (platform, channel, externalId, text).")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write the verdict lines (default: standard output).")
  Path output;

  @Override
  public Integer call() throws IOException {
    ClassifierOptions.existingFile(spec, input);
    PrintWriter err = spec.commandLine().getErr();
    int scored = 0;
    int skipped = 0;
    int alerts = 0;
    try (Classifier classifier = classifierOptions.classifier();
        BufferedReader lines = Files.newBufferedReader(input, UTF_8);
        Writer out = output()) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Input input;
        try {
          input = input(line);
        } catch (IllegalArgumentException e) {
          err.println("line " + number + ": " + e.getMessage() + "; skipped");
          skipped++;
          continue;
        }
        Classification classification = classifier.explain(input.post());
        out.write(Json.write(outputLine(input.id(), classification)));
        out.write('\n');
        scored++;
        alerts += classification.verdict().alert() ? 1 : 0;
        if (scored % PROGRESS_EVERY == 0) {
          err.printf(Locale.ROOT, "%,d posts scored%n", scored);
          err.flush();
        }
      }
    } catch (RuleLoadException e) {
      err.println("Rules did not load:\n" + e.getMessage());
      return 2;
    }
    err.printf(
        Locale.ROOT,
        "Scored %,d posts (%,d alerts), skipped %,d bad lines%n",
        scored,
        alerts,
        skipped);
    err.flush();
    return 0;
  }

  private Writer output() throws IOException {
    if (output == null) {
      // Not closed by try-with-resources closing the picocli writer: wrap and flush instead.
      PrintWriter out = spec.commandLine().getOut();
      return new Writer() {
        @Override
        public void write(char[] buffer, int offset, int length) {
          out.write(buffer, offset, length);
        }

        @Override
        public void flush() {
          out.flush();
        }

        @Override
        public void close() {
          out.flush();
        }
      };
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output), UTF_8));
  }

  /**
   * One input line: the id its output line carries and the post to score.
   *
   * @param id the line's {@code id}, or the key of a collected post given without one
   */
  record Input(String id, Post post) {}

  /**
   * A post from an input line: either a line with {@code id} and {@code text}, or a collected post
   * as the collectors publish it ({@code platform}, {@code channel}, {@code externalId}, {@code
   * text}), whose output line is then identified by its key {@code platform:channel:externalId}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static Input input(String line) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Optional<String> id = text(node, "id");
    Optional<String> externalId = text(node, "externalId");
    if (id.isEmpty() && externalId.isEmpty()) {
      throw new IllegalArgumentException(
          "missing required field 'id' (or 'externalId' of a collected post)");
    }
    String text = text(node, "text").orElseThrow(() -> missing("text"));
    String postId = id.orElseGet(externalId::get);
    if (postId.isBlank()) {
      throw new IllegalArgumentException(
          "field '" + (id.isPresent() ? "id" : "externalId") + "' must not be blank");
    }
    Post post =
        new Post(
            0,
            null,
            text(node, "platform").filter(s -> !s.isBlank()).orElse("jsonl"),
            text(node, "channel").filter(s -> !s.isBlank()).orElse("input"),
            postId,
            Optional.empty(),
            Optional.empty(),
            text,
            text(node, "languageHint"),
            Optional.empty(),
            Instant.EPOCH,
            List.of(),
            Optional.empty(),
            "0".repeat(64));
    return new Input(id.orElseGet(post::key), post);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()
        && !((field.equals("id") || field.equals("externalId")) && value.isIntegralNumber())) {
      throw new IllegalArgumentException("field '" + field + "' must be a string, was " + value);
    }
    return Optional.of(value.asText());
  }

  private static IllegalArgumentException missing(String field) {
    return new IllegalArgumentException("missing required field '" + field + "'");
  }

  static ObjectNode outputLine(String id, Classification classification) {
    Verdict verdict = classification.verdict();
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("id", id);
    line.put("score", Math.round(verdict.score() * 1e4) / 1e4);
    line.put("alert", verdict.alert());
    line.set("languages", Json.mapper().valueToTree(verdict.languages()));
    line.set("reasons", Json.mapper().valueToTree(Reason.of(classification)));
    line.set("contributions", Json.mapper().valueToTree(verdict.contributions()));
    line.set("entities", Json.mapper().valueToTree(verdict.entities()));
    return line;
  }
}

package org.crossingwatch.app.classify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crossingwatch.classifier.scoring.Features;
import org.crossingwatch.classifier.scoring.ScoringModel;
import org.crossingwatch.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandsTest {
  private static final String RULES =
      """
      language: fr
      rules:
        - {id: fr.crossing.passage, category: crossing_offer, weight: 2.5,
           query: '(passage OR traversée) AND angleterre'}
        - {id: fr.pay, category: pay_on_arrival, weight: 2.0, query: '"paiement à l''arrivée"'}
        - {id: neg.police, language: any, category: law_enforcement, weight: -3.0,
           query: 'police OR الشرطة'}
      """;

  private static final String OFFER =
      "Passage en Angleterre, paiement à l’arrivée. WhatsApp +44 7700 900123";
  private static final String NEWS = "La police de Calais a arrêté un passeur hier soir.";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path rules() throws Exception {
    return Files.writeString(dir.resolve("fr.yaml"), RULES, UTF_8);
  }

  private Path lines(String name, String... lines) throws Exception {
    return Files.write(dir.resolve(name), List.of(lines), UTF_8);
  }

  /** Runs {@code score} over {@code input} into {@code output} with the test rules. */
  private int score(Path input, Path output, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--rules",
                rules().toString()));
    args.addAll(List.of(more));
    return execute(new ScoreCommand(), args.toArray(String[]::new));
  }

  @Test
  void scoreWritesOneVerdictLinePerPostAndSkipsBadLinesWithTheirNumbers() throws Exception {
    Path input =
        lines(
            "posts.jsonl",
            Json.write(java.util.Map.of("id", "p1", "text", OFFER, "extra", 1)),
            "{not json",
            "{\"id\":\"p3\"}",
            "",
            Json.write(java.util.Map.of("id", "p5", "text", NEWS)));
    Path output = dir.resolve("out/verdicts.jsonl");

    int exit = score(input, output, "--threshold", "0.5");

    assertThat(exit).isZero();
    List<String> written = Files.readAllLines(output, UTF_8);
    assertThat(written).hasSize(2);
    JsonNode offer = Json.mapper().readTree(written.get(0));
    assertThat(offer.get("id").asText()).isEqualTo("p1");
    assertThat(offer.get("alert").asBoolean()).isTrue();
    assertThat(offer.get("score").asDouble()).isBetween(0.5, 1.0);
    assertThat(offer.get("languages").get(0).asText()).isEqualTo("fr");
    assertThat(offer.get("reasons").get(0).get("ruleId").asText()).isEqualTo("fr.crossing.passage");
    assertThat(offer.get("reasons").get(0).get("category").asText()).isEqualTo("crossing_offer");
    assertThat(offer.get("reasons").get(0).get("spans").get(0).get("text").asText())
        .isEqualTo("Passage");
    assertThat(offer.get("entities").get(0).get("normalized").asText()).isEqualTo("United Kingdom");
    JsonNode news = Json.mapper().readTree(written.get(1));
    assertThat(news.get("id").asText()).isEqualTo("p5");
    assertThat(news.get("alert").asBoolean()).isFalse();
    assertThat(err.toString())
        .startsWith("line 2: not valid JSON")
        .contains("line 3: missing required field 'text'; skipped")
        .endsWith("Scored 2 posts (1 alerts), skipped 2 bad lines" + System.lineSeparator());
  }

  @Test
  void scoreTakesCollectedPostsAsTheCollectorsPublishThemAndNamesThemByTheirKey() throws Exception {
    Path input =
        lines(
            "raw.jsonl",
            Json.write(
                java.util.Map.of(
                    "platform", "telegram",
                    "channel", "passeurs_calais",
                    "externalId", "812",
                    "text", OFFER,
                    "collectedAt", "2026-11-01T08:05:00Z")),
            "{\"platform\":\"telegram\",\"channel\":\"x\",\"text\":\"Passage\"}",
            "{\"externalId\":\" \",\"text\":\"Passage\"}");
    Path output = dir.resolve("verdicts.jsonl");

    int exit = score(input, output);

    assertThat(exit).isZero();
    List<String> written = Files.readAllLines(output, UTF_8);
    assertThat(written).hasSize(1);
    JsonNode verdict = Json.mapper().readTree(written.get(0));
    assertThat(verdict.get("id").asText()).isEqualTo("telegram:passeurs_calais:812");
    assertThat(verdict.get("reasons").get(0).get("ruleId").asText())
        .isEqualTo("fr.crossing.passage");
    assertThat(err.toString())
        .startsWith(
            "line 2: missing required field 'id' (or 'externalId' of a collected post); skipped")
        .contains("line 3: field 'externalId' must not be blank; skipped")
        .endsWith("Scored 1 posts (1 alerts), skipped 2 bad lines" + System.lineSeparator());
  }

  @Test
  void scoreRejectsAThresholdOutsideZeroToOne() throws Exception {
    Path input = lines("posts.jsonl", "{\"id\":\"p1\",\"text\":\"x\"}");

    int exit =
        execute(new ScoreCommand(), "-i", input.toString(), "-r", rules().toString(), "-t", "1.5");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("--threshold must be in [0,1], was 1.5");
  }

  @Test
  void evaluatePrintsPrecisionRecallAndTheMistakesWithReasons() throws Exception {
    Path input =
        lines(
            "labelled.jsonl",
            labelled("fr-1", OFFER, 1, "offer-boat"),
            labelled("fr-2", NEWS, 0, "news"),
            labelled("fr-3", "Traversée vers l'Angleterre, paiement à l'arrivée", 0, "ngo-advice"),
            labelled("fr-4", "Bonjour à tous", 1, "offer-other"));

    int exit =
        execute(
            new EvaluateCommand(), "-i", input.toString(), "-r", rules().toString(), "-t", "0.5");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .startsWith(
            "4 posts, 2 offers, threshold 0.50: precision 0.500, recall 0.500, F1 0.500\n"
                .replace("\n", System.lineSeparator()))
        .contains("| fr | 4 | 2 | 2 | 1 | 1 | 1 | 0.500 | 0.500 | 0.500 |")
        .contains("| news | 1 | 0 | 0 | 0 | 0 | 0 | – | – | – |")
        .contains("False positives (1)")
        .contains("  fr-3 [ngo-advice] score ")
        .contains("fr.crossing.passage +")
        .contains("False negatives (1)")
        .contains("  fr-4 [offer-other] score ")
        .contains("no rule matched");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void evaluatePrintsMarkdownTablesOnly() throws Exception {
    Path input = lines("labelled.jsonl", labelled("fr-1", OFFER, 1, "offer-boat"));

    int exit =
        execute(
            new EvaluateCommand(),
            "-i",
            input.toString(),
            "-r",
            rules().toString(),
            "-t",
            "0.5",
            "--markdown");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .startsWith("| group | posts | offers | alerts | TP | FP | FN | precision | recall | F1 |")
        .contains("| all | 1 | 1 | 1 | 1 | 0 | 0 | 1.000 | 1.000 | 1.000 |")
        .doesNotContain("False positives");
  }

  @Test
  void trainWritesAVersionedModelFile() throws Exception {
    Path input =
        lines(
            "train.jsonl",
            labelled("fr-1", OFFER, 1, "offer-boat"),
            labelled("fr-2", NEWS, 0, "news"),
            labelled("fr-3", "Bonjour à tous", 0, "chat"),
            "{\"id\":\"fr-4\",\"text\":\"x\",\"label\":7}");
    Path output = dir.resolve("model/scoring.json");
    Clock clock = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);

    int exit =
        execute(
            new TrainCommand(clock),
            "-i",
            input.toString(),
            "-o",
            output.toString(),
            "-r",
            rules().toString(),
            "--iterations",
            "200");

    assertThat(exit).isZero();
    ScoringModel model = ScoringModel.read(output);
    assertThat(model.version()).matches("scoring-v1-20250310-[0-9a-f]{8}");
    assertThat(model.trainedAt()).isEqualTo("2025-03-10T12:00:00Z");
    assertThat(model.trainingPosts()).isEqualTo(3);
    assertThat(model.features()).isEqualTo(Features.NAMES);
    assertThat(model.threshold()).isEqualTo(0.5);
    assertThat(model.weight("crossing_offer")).isPositive();
    assertThat(out.toString()).startsWith("Trained " + model.version() + " on 3 posts of ");
    assertThat(err.toString())
        .isEqualTo("line 4: label must be 0 or 1, was 7; skipped" + System.lineSeparator());
  }

  private static String labelled(String id, String text, int label, String kind) {
    return Json.write(
        java.util.Map.of("id", id, "text", text, "label", label, "lang", "fr", "kind", kind));
  }
}

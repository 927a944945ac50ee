package org.crossingwatch.app.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint, test and backtest --input: the rule tools that need no cluster. */
class RulesOfflineCommandsTest {
  static final String BOAT_RULES =
      """
      language: es
      rules:
        - id: es.crossing.lancha
          category: crossing_offer
          weight: 2.5
          query: lancha AND (españa OR italia)
          examples:
            match: ["Lancha a España el viernes"]
            no_match: ["Lancha de pesca en venta"]
      """;

  @TempDir Path dir;

  private Path write(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml, UTF_8);
    return file;
  }

  @Test
  void lintOfACleanFolderSaysOkAndExitsZero() throws Exception {
    write("rules/es.yaml", BOAT_RULES);

    Cli cli = Cli.run("rules", "lint", dir.resolve("rules").toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("OK: 1 rule files, no problems\n");
  }

  @Test
  void lintListsEveryProblemWithFileLineAndColumnAndExitsOne() throws Exception {
    Path file =
        write(
            "rules/ar.yaml",
            """
            language: ar
            rules:
              - id: ar.crossing.boat
                category: crossing_offer
                weight: 9
                query: 'قارب AND (إيطاليا'
            """);

    Cli cli = Cli.run("rules", "lint", file.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out())
        .isEqualTo(
            file
                + ":5:13: rule ar.crossing.boat: weight 9 is out of range [-5, 5]\n"
                + file
                + ":6:30: rule ar.crossing.boat: query does not parse: unexpected end of query\n"
                + "2 problems in 1 rule files\n");
  }

  @Test
  void lintOfAMissingPathIsAUsageError() {
    Cli cli = Cli.run("rules", "lint", dir.resolve("nowhere").toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("Rules not found: '" + dir.resolve("nowhere") + "'\n");
  }

  @Test
  void testListsFailingExamplesWithTheirTokensAndExitsOne() throws Exception {
    Path file =
        write(
            "rules/ru.yaml",
            """
            language: ru
            rules:
              - id: ru.documents.passport
                category: documents
                weight: 1.5
                query: паспорт AND купить
                examples:
                  match: ["Паспорт ЕС без очереди"]
                  no_match: ["Купить паспорт нельзя"]
            """);

    Cli cli = Cli.run("rules", "test", file.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out())
        .isEqualTo(
            "rule ru.documents.passport should match 'Паспорт ЕС без очереди'; tokens [паспорт,"
                + " ес, без, очеред]; query паспорт AND купить\n"
                + "rule ru.documents.passport should not match 'Купить паспорт нельзя'; tokens"
                + " [купит, паспорт, нельз]; query паспорт AND купить\n"
                + "1 rules, 2 examples: 2 failed\n");
  }

  @Test
  void testOfRulesWhoseExamplesHoldExitsZero() throws Exception {
    Cli cli = Cli.run("rules", "test", write("rules/es.yaml", BOAT_RULES).toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("1 rules, 2 examples: all hold\n");
  }

  @Test
  void statsWithAnUnreadableWindowIsAUsageError() {
    Cli cli = Cli.run("rules", "stats", "-b", "127.0.0.1:9", "--since", "7 weeks");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .contains("'7 weeks' is not a window; write for example 7d, 12h, 30m or P7D");
  }

  @Test
  void backtestNeedsEitherSinceOrInput() throws Exception {
    Cli cli = Cli.run("rules", "backtest", write("rules/es.yaml", BOAT_RULES).toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith(
            "Error: Missing required argument (specify one of these): (-s=WINDOW | -i=FILE)");
  }

  @Test
  void backtestOnACorpusReportsGainedAlertsAndWritesAnEscapedHtmlReport() throws Exception {
    Path candidate = write("candidate/es.yaml", BOAT_RULES);
    Path baseline =
        write(
            "baseline/es.yaml",
            """
            language: es
            rules:
              - id: es.crossing.patera
                category: crossing_offer
                weight: 2.5
                query: patera
            """);
    Path corpus =
        write(
            "dev.jsonl",
            """
            {"id":"es-1","lang":"es","label":1,"text":"Lancha a España, sale el viernes"}
            {"id":"es-2","lang":"es","label":0,"text":"Lancha de pesca en venta"}
            {"id":"es-3","lang":"es","label":1,"text":"Patera a España <script>alert(1)</script>"}
            {"id":"ar-1","lang":"ar","label":0,"text":"الطقس جميل اليوم"}
            """);
    Path html = dir.resolve("report.html");

    Cli cli =
        Cli.run(
            "rules",
            "backtest",
            candidate.toString(),
            "--input",
            corpus.toString(),
            "--baseline",
            baseline.toString(),
            "--html",
            html.toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.err())
        .isEqualTo(
            "1 of 4 posts re-scored\n2 of 4 posts re-scored\n3 of 4 posts re-scored\n"
                + "4 of 4 posts re-scored\n");
    assertThat(cli.out())
        .contains(
            "Backtest of "
                + candidate
                + " against "
                + corpus
                + " (baseline "
                + baseline
                + "): 4 posts\n")
        .contains("1 alerts gained, 1 lost\n")
        .contains("| es | 3 | 1 | 1 | 1.000 | 1.000 | 0.500 | 0.500 |\n")
        .contains("| ar | 1 | 0 | 0 | – | – | – | – |\n")
        .contains("  corpus:labelled:es-1 ")
        .contains("[offer] +es.crossing.lancha\n    Lancha a España, sale el viernes\n")
        .contains("[offer] -es.crossing.patera\n");
    String report = Files.readString(html, UTF_8);
    assertThat(report)
        .startsWith("<!DOCTYPE html>")
        .contains("Patera a España &lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("href=");
    assertThat(report.split("<svg", -1)).hasSize(4);
  }
}

package org.crossingwatch.classifier.language;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Accuracy of the detector's primary language per expected language over labelled texts. Its {@code
 * main} prints the tables for the benchmark report; the tests only assert on them.
 */
final class LanguageAccuracy {
  /** One labelled text. */
  record Sample(String code, String text) {}

  /** Hits and totals per expected code, plus what each miss was taken for. */
  record Table(Map<String, int[]> byCode, Map<String, Map<String, Integer>> confusions) {
    double overall() {
      int hits = 0;
      int total = 0;
      for (int[] counts : byCode.values()) {
        hits += counts[0];
        total += counts[1];
      }
      return total == 0 ? 0 : (double) hits / total;
    }

    double accuracy(String code) {
      int[] counts = byCode.get(code);
      return (double) counts[0] / counts[1];
    }

    String format() {
      StringBuilder out =
          new StringBuilder("| lang | n | accuracy | taken for |\n|---|---|---|---|\n");
      byCode.forEach(
          (code, counts) ->
              out.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %d | %.3f | %s |%n",
                      code,
                      counts[1],
                      (double) counts[0] / counts[1],
                      confusions.getOrDefault(code, Map.of()))));
      return out.append(String.format(Locale.ROOT, "| all | | %.3f | |%n", overall())).toString();
    }
  }

  private LanguageAccuracy() {}

  static List<Sample> heldOut() throws IOException {
    Path file = Path.of("src/test/resources/org/crossingwatch/classifier/language/heldout.tsv");
    List<Sample> samples = new ArrayList<>();
    for (String line : Files.readAllLines(file, UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      samples.add(new Sample(line.substring(0, tab), line.substring(tab + 1)));
    }
    return samples;
  }

  static Table evaluate(LanguageDetector detector, List<Sample> samples) {
    Map<String, int[]> byCode = new TreeMap<>();
    Map<String, Map<String, Integer>> confusions = new TreeMap<>();
    for (Sample sample : samples) {
      Optional<String> found = detector.primary(sample.text());
      int[] counts = byCode.computeIfAbsent(sample.code(), k -> new int[2]);
      counts[1]++;
      if (found.isPresent() && found.get().equals(sample.code())) {
        counts[0]++;
      } else {
        confusions
            .computeIfAbsent(sample.code(), k -> new TreeMap<>())
            .merge(found.orElse("none"), 1, Integer::sum);
      }
    }
    return new Table(byCode, confusions);
  }

  /**
   * The samples of a corpus file ({@code lang} and {@code text} fields, one JSON object a line).
   * Dari ({@code prs}) is scored as {@code fa}, which the detector reports for both.
   */
  static List<Sample> corpus(Path jsonl) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<Sample> samples = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      com.fasterxml.jackson.databind.JsonNode node = json.readTree(line);
      String code = node.path("lang").asText();
      samples.add(new Sample(code.equals("prs") ? "fa" : code, node.path("text").asText()));
    }
    return samples;
  }

  /** Prints the held-out table, or with arguments the table of each corpus file named. */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.out.print(evaluate(LanguageDetector.shipped(), heldOut()).format());
    }
    for (String file : args) {
      System.out.println(file);
      List<Sample> samples = corpus(Path.of(file));
      Table table = evaluate(LanguageDetector.shipped(), samples);
      System.out.print(table.format());
      for (Sample sample : samples) {
        Optional<String> found = LanguageDetector.shipped().primary(sample.text());
        if (!found.equals(Optional.of(sample.code()))) {
          System.out.println(
              "  MISS "
                  + sample.code()
                  + " -> "
                  + LanguageDetector.shipped().detect(sample.text())
                  + " : "
                  + sample.text().replace('\n', ' '));
        }
      }
    }
  }
}

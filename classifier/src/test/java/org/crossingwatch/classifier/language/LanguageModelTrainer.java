package org.crossingwatch.classifier.language;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the shipped n-gram model from one plain-text file per language, {@code <code>.txt} (one
 * sentence or post a line, {@code #} starts a comment line), and writes it in the format {@link
 * LanguageModel} reads. Deterministic: the same text gives the same bytes.
 *
 * <p>Retrain from the repository root:
 *
 * <pre>
 * mvn -B -q -pl classifier test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "classifier/target/classes:classifier/target/test-classes:$(cat classifier/target/cp.txt)" \
 *   org.crossingwatch.classifier.language.LanguageModelTrainer \
 *   classifier/src/test/resources/org/crossingwatch/classifier/language/training \
 *   classifier/src/main/resources/org/crossingwatch/classifier/language/langid-v1.tsv.gz
 * </pre>
 */
public final class LanguageModelTrainer {
  static final String VERSION = "1";

  /** N-grams kept per language, the most frequent first. */
  static final int TOP_NGRAMS = 6000;

  /** Additive smoothing. */
  static final double ALPHA = 0.5;

  private LanguageModelTrainer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: LanguageModelTrainer TRAINING_DIR OUTPUT.tsv.gz, got " + List.of(args));
    }
    Files.write(Path.of(args[1]), gzip(train(Path.of(args[0]))));
  }

  /** The model's text for the training files of a folder. */
  static String train(Path trainingDir) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(trainingDir)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No <code>.txt training files in " + trainingDir);
    }
    List<String> codes = new ArrayList<>();
    List<Script> scripts = new ArrayList<>();
    List<List<Map<Long, Integer>>> counts = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      codes.add(name.substring(0, name.length() - ".txt".length()));
      List<String> lines =
          Files.readAllLines(file, UTF_8).stream()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList();
      Script script = majorityScript(lines, file);
      scripts.add(script);
      counts.add(count(lines, script));
    }
    // the number of distinct n-grams of each order over all languages, for smoothing
    long[] distinct = new long[NgramFeatures.MAX_ORDER + 1];
    for (int order = 1; order <= NgramFeatures.MAX_ORDER; order++) {
      TreeSet<Long> all = new TreeSet<>();
      for (List<Map<Long, Integer>> language : counts) {
        all.addAll(language.get(order).keySet());
      }
      distinct[order] = all.size() + 1L;
    }
    StringBuilder out = new StringBuilder();
    out.append(LanguageModel.MAGIC).append('\t').append(VERSION).append('\n');
    TreeMap<String, StringBuilder> ngramLines = new TreeMap<>();
    for (int language = 0; language < codes.size(); language++) {
      List<Map<Long, Integer>> byOrder = counts.get(language);
      double[] denominators = new double[NgramFeatures.MAX_ORDER + 1];
      out.append("lang\t").append(codes.get(language)).append('\t').append(scripts.get(language));
      for (int order = 1; order <= NgramFeatures.MAX_ORDER; order++) {
        long tokens = byOrder.get(order).values().stream().mapToLong(Integer::longValue).sum();
        denominators[order] = tokens + ALPHA * distinct[order];
        out.append('\t').append(quantise(ALPHA / denominators[order]));
      }
      out.append('\n');
      List<Map.Entry<Long, Integer>> ranked = new ArrayList<>();
      for (int order = 1; order <= NgramFeatures.MAX_ORDER; order++) {
        ranked.addAll(byOrder.get(order).entrySet());
      }
      ranked.sort(
          (a, b) ->
              !a.getValue().equals(b.getValue())
                  ? Integer.compare(b.getValue(), a.getValue())
                  : Long.compare(a.getKey(), b.getKey()));
      for (Map.Entry<Long, Integer> entry :
          ranked.subList(0, Math.min(TOP_NGRAMS, ranked.size()))) {
        int order = NgramFeatures.order(entry.getKey());
        int q = quantise((entry.getValue() + ALPHA) / denominators[order]);
        ngramLines
            .computeIfAbsent(NgramFeatures.text(entry.getKey()), k -> new StringBuilder())
            .append('\t')
            .append(language)
            .append(':')
            .append(q);
      }
    }
    for (Map.Entry<String, StringBuilder> line : ngramLines.entrySet()) {
      out.append("ng\t").append(line.getKey()).append(line.getValue()).append('\n');
    }
    return out.toString();
  }

  static byte[] gzip(String model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), UTF_8)) {
      out.write(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static int quantise(double probability) {
    return (int) Math.round(-Math.log(probability) * LanguageModel.SCALE);
  }

  private static Script majorityScript(List<String> lines, Path file) {
    Map<Script, Integer> letters = new EnumMap<>(Script.class);
    for (String line : lines) {
      for (ScriptRun run : ScriptSegmenter.segment(TextPreparer.prepare(line))) {
        letters.merge(run.script(), run.letters(), Integer::sum);
      }
    }
    return letters.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    String.format(Locale.ROOT, "Training file '%s' has no letters", file)));
  }

  private static List<Map<Long, Integer>> count(List<String> lines, Script script) {
    List<Map<Long, Integer>> byOrder = new ArrayList<>();
    for (int order = 0; order <= NgramFeatures.MAX_ORDER; order++) {
      byOrder.add(new HashMap<>());
    }
    for (String line : lines) {
      String prepared = TextPreparer.prepare(line);
      for (ScriptRun run : ScriptSegmenter.segment(prepared)) {
        if (run.script() == script) {
          NgramFeatures.extract(
              prepared,
              run.start(),
              run.end(),
              key -> byOrder.get(NgramFeatures.order(key)).merge(key, 1, Integer::sum));
        }
      }
    }
    return byOrder;
  }
}

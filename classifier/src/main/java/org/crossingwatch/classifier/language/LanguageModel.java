package org.crossingwatch.classifier.language;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A character n-gram naive Bayes model: for every language, the log-probability of each of its most
 * frequent n-grams, and a floor for the n-grams it did not keep. Immutable and thread-safe once
 * loaded.
 *
 * <p>File format (UTF-8, gzip, tab-separated, one record a line):
 *
 * <pre>
 * crossingwatch-langid  VERSION
 * lang  CODE  SCRIPT  FLOOR1  FLOOR2  FLOOR3  FLOOR4
 * ng    NGRAM  LANGINDEX:Q  LANGINDEX:Q ...
 * </pre>
 *
 * where a log-probability is stored as the integer {@code Q = round(-ln p * }{@value #SCALE}{@code
 * )}, languages are indexed in the order of their {@code lang} lines, and an n-gram's spaces are
 * literal. Floors are stored the same way.
 */
final class LanguageModel {
  static final String MAGIC = "crossingwatch-langid";
  static final int SCALE = 8;

  private final String version;
  private final List<String> codes;
  private final List<Script> scripts;
  private final long[] keys;
  private final int[] rows;
  private final float[] logProbs;
  private final int mask;

  private LanguageModel(
      String version,
      List<String> codes,
      List<Script> scripts,
      long[] keys,
      int[] rows,
      float[] logProbs) {
    this.version = version;
    this.codes = List.copyOf(codes);
    this.scripts = List.copyOf(scripts);
    this.keys = keys;
    this.rows = rows;
    this.logProbs = logProbs;
    this.mask = keys.length - 1;
  }

  /**
   * Reads a gzip model.
   *
   * @param name the resource or file name, quoted in errors
   * @throws IllegalArgumentException if the content is not a model, with the name and line
   */
  static LanguageModel read(InputStream gzip, String name) {
    requireNonNull(gzip, "gzip");
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip), UTF_8))) {
      return parse(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read language model '" + name + "'", e);
    }
  }

  private static LanguageModel parse(BufferedReader in, String name) throws IOException {
    String header = in.readLine();
    if (header == null || !header.startsWith(MAGIC + "\t")) {
      throw new IllegalArgumentException(
          "Language model '" + name + "' does not start with '" + MAGIC + "<TAB>version'");
    }
    String version = header.substring(MAGIC.length() + 1);
    List<String> codes = new ArrayList<>();
    List<Script> scripts = new ArrayList<>();
    List<float[]> floors = new ArrayList<>();
    List<String> ngramLines = new ArrayList<>();
    int lineNumber = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      String[] fields = line.split("\t", -1);
      try {
        if (fields[0].equals("lang") && fields.length == 3 + NgramFeatures.MAX_ORDER) {
          codes.add(fields[1]);
          scripts.add(Script.valueOf(fields[2]));
          float[] floor = new float[NgramFeatures.MAX_ORDER + 1];
          for (int order = 1; order <= NgramFeatures.MAX_ORDER; order++) {
            floor[order] = -Integer.parseInt(fields[2 + order]) / (float) SCALE;
          }
          floors.add(floor);
        } else if (fields[0].equals("ng") && fields.length >= 3) {
          NgramFeatures.key(fields[1]);
          ngramLines.add(line);
        } else {
          throw new IllegalArgumentException("unknown record");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Language model '"
                + name
                + "' line "
                + lineNumber
                + " is not a 'lang' or 'ng' record: '"
                + line
                + "'",
            e);
      }
    }
    int languages = codes.size();
    int capacity = Integer.highestOneBit(Math.max(16, ngramLines.size() * 2)) * 2;
    long[] keys = new long[capacity];
    int[] rows = new int[capacity];
    float[] logProbs = new float[ngramLines.size() * languages];
    int row = 0;
    for (String line : ngramLines) {
      String[] fields = line.split("\t", -1);
      long key = NgramFeatures.key(fields[1]);
      int order = NgramFeatures.order(key);
      for (int language = 0; language < languages; language++) {
        logProbs[row * languages + language] = floors.get(language)[order];
      }
      for (int f = 2; f < fields.length; f++) {
        int colon = fields[f].indexOf(':');
        int language = Integer.parseInt(fields[f].substring(0, colon));
        if (language < 0 || language >= languages) {
          throw new IllegalArgumentException(
              "Language model '"
                  + name
                  + "' n-gram '"
                  + fields[1]
                  + "' names language "
                  + language);
        }
        logProbs[row * languages + language] =
            -Integer.parseInt(fields[f].substring(colon + 1)) / (float) SCALE;
      }
      int slot = slot(keys, capacity - 1, key);
      keys[slot] = key;
      rows[slot] = row;
      row++;
    }
    return new LanguageModel(version, codes, scripts, keys, rows, logProbs);
  }

  private static int slot(long[] keys, int mask, long key) {
    int slot = (int) (mix(key) & mask);
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  String version() {
    return version;
  }

  List<String> codes() {
    return codes;
  }

  Script script(int language) {
    return scripts.get(language);
  }

  int indexOf(String code) {
    return codes.indexOf(code);
  }

  /**
   * Adds, for each candidate language, the log-likelihood of the n-grams of {@code text[start,
   * end)} to {@code scores[candidate]}. N-grams no language knows carry no evidence and are
   * skipped.
   *
   * @return how many n-grams the model knew
   */
  int score(CharSequence text, int start, int end, int[] candidates, double[] scores) {
    int languages = codes.size();
    int[] known = {0};
    NgramFeatures.extract(
        text,
        start,
        end,
        key -> {
          int slot = (int) (mix(key) & mask);
          while (keys[slot] != 0) {
            if (keys[slot] == key) {
              int base = rows[slot] * languages;
              for (int candidate : candidates) {
                scores[candidate] += logProbs[base + candidate];
              }
              known[0]++;
              return;
            }
            slot = (slot + 1) & mask;
          }
        });
    return known[0];
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "LanguageModel[%s, %d languages, %d n-grams]",
        version,
        codes.size(),
        Arrays.stream(keys).filter(k -> k != 0).count());
  }
}

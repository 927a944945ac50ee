package org.crossingwatch.classifier.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.crossingwatch.model.Rule;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads rule packs: YAML files of keyword rules, one file per language or theme.
 *
 * <pre>{@code
 * language: ar            # default language for the rules in this file (ISO 639-1, or "any")
 * rules:
 *   - id: ar.crossing.sea-trip          # unique across all files: letters, digits, . _ -
 *     category: crossing_offer          # one of Category's ids
 *     weight: 2.0                       # in [-5, 5]; negative for contexts against an offer
 *     description: Sea crossing offered for money      # optional
 *     language: ar                      # optional, overrides the file's language
 *     query: '"رحلة بحرية" OR تهريب*'    # Lucene classic syntax, default operator OR
 *     examples:                         # optional; checked by the rule tests
 *       match: ["..."]
 *       no_match: ["..."]
 * }</pre>
 *
 * <p>Queries use Lucene's classic syntax (boolean operators, {@code "phrases"}, {@code
 * "proximity"~3}, {@code prefix*}, {@code /regexp/}) on one multilingual field, after the same
 * normalisation and analysis as posts: case, diacritics and Arabic/Persian letter variants do not
 * matter, and an emoji in a query stands for its token (🚤 is {@code emoji_boat}).
 *
 * <p>Every problem in every file is collected before failing: unreadable YAML, unknown or missing
 * fields, ids used twice (also across files), weights outside [-5, 5], unknown categories and
 * queries that do not parse. Each carries the file, line and column and, when known, the rule id.
 * Thread-safe: the loader keeps no state between calls.
 */
public final class RulePackLoader {
  /** Lowest accepted weight. */
  public static final double MIN_WEIGHT = -5.0;

  /** Highest accepted weight. */
  public static final double MAX_WEIGHT = 5.0;

  private static final YAMLFactory YAML = new YAMLFactory();

  private RulePackLoader() {}

  /**
   * Loads one rule file, or every {@code *.yaml} and {@code *.yml} file of a directory (not its
   * subdirectories) in file-name order. Problems name each file by its path as {@code
   * fileOrDirectory.resolve(name)}.
   *
   * @return the rules in file order; empty for a directory without rule files
   * @throws RuleLoadException listing every problem found
   * @throws IOException if a file or the directory cannot be read
   */
  public static List<Rule> load(Path fileOrDirectory) throws RuleLoadException, IOException {
    requireNonNull(fileOrDirectory, "fileOrDirectory");
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path file : ruleFiles(fileOrDirectory)) {
      sources.put(file.toString(), Files.readString(file, UTF_8));
    }
    return parse(sources);
  }

  /**
   * Parses one rule file's text.
   *
   * @param sourceName the name used in problems, for example {@code rules/fr.yaml}
   * @param yaml the file's text
   * @throws RuleLoadException listing every problem found
   */
  public static List<Rule> parse(String sourceName, String yaml) throws RuleLoadException {
    return parse(Map.of(requireNonNull(sourceName, "sourceName"), requireNonNull(yaml, "yaml")));
  }

  /**
   * Parses several rule files' texts as one rule set (ids must be unique across them).
   *
   * @param sources source name to YAML text, parsed in the map's iteration order
   * @throws RuleLoadException listing every problem found in every source
   */
  public static List<Rule> parse(Map<String, String> sources) throws RuleLoadException {
    requireNonNull(sources, "sources");
    Session session = new Session();
    sources.forEach((name, yaml) -> session.parseFile(name, yaml));
    if (!session.problems.isEmpty()) {
      throw new RuleLoadException(session.problems);
    }
    return List.copyOf(session.rules);
  }

  /**
   * The rule files a path stands for: the file itself, or a folder's {@code *.yaml}/{@code *.yml}
   * files (not its subfolders) in name order.
   *
   * @throws IOException if the folder cannot be listed
   */
  public static List<Path> ruleFiles(Path fileOrDirectory) throws IOException {
    if (!Files.isDirectory(fileOrDirectory)) {
      return List.of(fileOrDirectory);
    }
    try (Stream<Path> files = Files.list(fileOrDirectory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".yaml") || name.endsWith(".yml");
              })
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** One load: the rules and problems so far, and where each id was first defined. */
  static final class Session {
    final List<Rule> rules = new ArrayList<>();
    final List<RuleProblem> problems = new ArrayList<>();
    final Map<String, String> firstDefinition = new LinkedHashMap<>();

    void parseFile(String source, String yaml) {
      int first = problems.size();
      try (JsonParser parser = YAML.createParser(yaml)) {
        new RuleFileReader(this, source, yaml, parser).read();
      } catch (JsonProcessingException e) {
        problems.add(yamlProblem(source, e));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read rule source " + source, e);
      }
      // Rules are validated after the whole file is read, so restore file order.
      problems
          .subList(first, problems.size())
          .sort(Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
    }

    /** SnakeYAML knows the exact spot of the problem; Jackson's location is the context's. */
    private static RuleProblem yamlProblem(String source, JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
        return new RuleProblem(
            source,
            marked.getProblemMark().getLine() + 1,
            marked.getProblemMark().getColumn() + 1,
            Optional.empty(),
            "YAML does not parse: " + marked.getProblem() + context);
      }
      JsonLocation at = e.getLocation();
      String message = String.valueOf(e.getOriginalMessage()).strip();
      int newline = message.indexOf('\n');
      return new RuleProblem(
          source,
          at == null ? 1 : Math.max(1, at.getLineNr()),
          at == null ? 1 : Math.max(1, at.getColumnNr()),
          Optional.empty(),
          "YAML does not parse: " + (newline < 0 ? message : message.substring(0, newline)));
    }
  }
}

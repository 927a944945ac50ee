package org.crossingwatch.classifier.rules.lint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.rules.RuleProblem;
import org.crossingwatch.model.Rule;

/**
 * Checks rule packs the way an analysts' CI would: everything {@link RulePackLoader} rejects (YAML
 * and query syntax, unknown or missing fields, duplicate ids, unknown categories, weights outside
 * [-5, 5]) and, for a set that loads, every word or phrase of a query that the classifier's
 * analysis removes entirely, so that clause can never match (punctuation such as {@code ¿¿} or
 * {@code •}). Each finding carries the file, line and column. Thread-safe: no state between calls.
 */
public final class RuleLinter {
  private RuleLinter() {}

  /**
   * Lints every rule file of the given files and directories as one rule set (ids must be unique
   * across all of them). A directory contributes its {@code *.yaml} and {@code *.yml} files in name
   * order, as {@link RulePackLoader#load(Path)} reads them.
   *
   * @return the findings, in file order; empty when the set is clean
   * @throws IOException if a file cannot be read
   */
  public static List<RuleProblem> lint(List<Path> paths) throws IOException {
    requireNonNull(paths, "paths");
    return lint(sources(paths));
  }

  /**
   * Lints rule files given as texts.
   *
   * @param sources source name to YAML text, in the order they are read
   * @return the findings, in source order; empty when the set is clean
   */
  public static List<RuleProblem> lint(Map<String, String> sources) {
    requireNonNull(sources, "sources");
    List<Rule> rules;
    try {
      rules = RulePackLoader.parse(sources);
    } catch (RuleLoadException e) {
      return e.problems();
    }
    List<RuleProblem> findings = new ArrayList<>();
    for (Rule rule : rules) {
      for (QueryTerms.Term term : QueryTerms.of(rule.query())) {
        if (!term.text().isBlank()
            && Analysis.tokens(term.text(), rule.language()).isEmpty()
            && Analysis.neutralTokens(term.text()).isEmpty()) {
          findings.add(unmatchable(sources, rule, term));
        }
      }
    }
    return List.copyOf(findings);
  }

  /**
   * The rule files the given paths stand for, read as source name to text; what {@link #lint(List)}
   * and the rule tools load.
   *
   * @throws IOException if a file or directory cannot be read
   */
  public static Map<String, String> sources(List<Path> paths) throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path path : paths) {
      for (Path file : RulePackLoader.ruleFiles(requireNonNull(path, "path"))) {
        sources.put(file.toString(), Files.readString(file, UTF_8));
      }
    }
    return sources;
  }

  private static RuleProblem unmatchable(
      Map<String, String> sources, Rule rule, QueryTerms.Term term) {
    String message =
        "'"
            + term.text()
            + "' is removed by the analysis (language "
            + rule.language()
            + ") and can never match; write a word, an emoji token or a /regexp/ instead";
    Pattern idLine =
        Pattern.compile(
            "^\\s*(-\\s*)?id:\\s*['\"]?" + Pattern.quote(rule.id()) + "['\"]?\\s*(#.*)?$");
    for (Map.Entry<String, String> source : sources.entrySet()) {
      String[] lines = source.getValue().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (idLine.matcher(lines[i]).matches()) {
          int[] at = termPosition(lines, i, term.text());
          return new RuleProblem(source.getKey(), at[0], at[1], Optional.of(rule.id()), message);
        }
      }
    }
    return new RuleProblem("?", 1, 1, Optional.of(rule.id()), message);
  }

  /** The term's 1-based line and column in the rule's query, searching from its id line. */
  private static int[] termPosition(String[] lines, int idLine, String term) {
    int queryLine = idLine;
    for (int i = idLine + 1; i < lines.length && !lines[i].matches("^\\s*-\\s*id:.*"); i++) {
      int query = lines[i].indexOf("query:");
      if (query >= 0) {
        queryLine = i;
        int column = lines[i].indexOf(term, query + "query:".length());
        if (column >= 0) {
          return new int[] {i + 1, column + 1};
        }
      } else if (queryLine > idLine) {
        int column = lines[i].indexOf(term);
        if (column >= 0) {
          return new int[] {i + 1, column + 1};
        }
      }
    }
    return new int[] {queryLine + 1, 1};
  }
}

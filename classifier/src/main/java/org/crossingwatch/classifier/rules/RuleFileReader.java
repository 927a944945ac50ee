package org.crossingwatch.classifier.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.internal.QuerySyntaxException;
import org.crossingwatch.classifier.internal.RuleQueryParser;
import org.crossingwatch.model.Rule;

/**
 * Reads one rule file for {@link RulePackLoader}: walks the YAML tokens, remembers where each value
 * is, then validates every rule. Problems are reported and the rule skipped; reading goes on. Not
 * thread-safe: one instance per file.
 */
final class RuleFileReader {
  private static final RuleQueryParser QUERIES = new RuleQueryParser();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern LANGUAGE = Pattern.compile("any|[a-z]{2,3}");
  private static final List<String> FILE_FIELDS = List.of("language", "rules");
  private static final List<String> RULE_FIELDS =
      List.of("id", "category", "weight", "description", "language", "query", "examples");
  private static final List<String> EXAMPLE_FIELDS = List.of("match", "no_match");

  private final RulePackLoader.Session session;
  private final String source;
  private final String[] lines;
  private final JsonParser parser;

  RuleFileReader(RulePackLoader.Session session, String source, String yaml, JsonParser parser) {
    this.session = session;
    this.source = source;
    this.lines = yaml.split("\n", -1);
    this.parser = parser;
  }

  void read() throws IOException {
    JsonToken first = parser.nextToken();
    JsonLocation start = parser.currentTokenLocation();
    if (first != JsonToken.START_OBJECT) {
      problem(start, null, "a rule file must be a mapping with 'language' and 'rules'");
      return;
    }
    String language = null;
    boolean sawRules = false;
    List<RawRule> raw = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonLocation fieldAt = parser.currentTokenLocation();
      JsonToken value = parser.nextToken();
      JsonLocation valueAt = parser.currentTokenLocation();
      switch (field) {
        case "language" -> language = languageValue(value, valueAt, null);
        case "rules" -> {
          sawRules = true;
          readRules(value, valueAt, raw);
        }
        default -> {
          problem(fieldAt, null, unknownField(field, FILE_FIELDS));
          parser.skipChildren();
        }
      }
    }
    if (!sawRules) {
      problem(start, null, "missing required field 'rules'");
    }
    for (RawRule rule : raw) {
      finish(rule, language);
    }
  }

  private void readRules(JsonToken value, JsonLocation at, List<RawRule> raw) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      problem(at, null, "'rules' must be a list of rules");
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      JsonLocation ruleAt = parser.currentTokenLocation();
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problem(ruleAt, null, "each rule must be a mapping, was '" + parser.getText() + "'");
        parser.skipChildren();
        continue;
      }
      raw.add(readRule(ruleAt));
    }
  }

  private RawRule readRule(JsonLocation ruleAt) throws IOException {
    RawRule rule = new RawRule(ruleAt);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonLocation fieldAt = parser.currentTokenLocation();
      JsonToken value = parser.nextToken();
      JsonLocation valueAt = parser.currentTokenLocation();
      switch (field) {
        case "id" -> {
          rule.id = scalar(value, valueAt, rule, "id");
          rule.idAt = valueAt;
        }
        case "category" -> {
          rule.category = scalar(value, valueAt, rule, "category");
          rule.categoryAt = valueAt;
        }
        case "weight" -> {
          rule.weightText = scalar(value, valueAt, rule, "weight");
          rule.weightIsNumber =
              value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
          rule.weightAt = valueAt;
        }
        case "description" -> rule.description = scalar(value, valueAt, rule, "description");
        case "language" -> {
          rule.language = scalar(value, valueAt, rule, "language");
          rule.languageAt = valueAt;
        }
        case "query" -> {
          rule.query = scalar(value, valueAt, rule, "query");
          rule.queryAt = valueAt;
        }
        case "examples" -> readExamples(value, valueAt, rule);
        default -> {
          rule.pendingProblems.add(new Pending(fieldAt, unknownField(field, RULE_FIELDS)));
          parser.skipChildren();
        }
      }
    }
    return rule;
  }

  private void readExamples(JsonToken value, JsonLocation at, RawRule rule) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      rule.pendingProblems.add(
          new Pending(at, "'examples' must be a mapping with 'match' and 'no_match' lists"));
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonLocation fieldAt = parser.currentTokenLocation();
      JsonToken list = parser.nextToken();
      JsonLocation listAt = parser.currentTokenLocation();
      List<String> target =
          switch (field) {
            case "match" -> rule.match;
            case "no_match" -> rule.noMatch;
            default -> null;
          };
      if (target == null) {
        rule.pendingProblems.add(new Pending(fieldAt, unknownField(field, EXAMPLE_FIELDS)));
        parser.skipChildren();
        continue;
      }
      if (list != JsonToken.START_ARRAY) {
        rule.pendingProblems.add(new Pending(listAt, "'" + field + "' must be a list of texts"));
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        JsonLocation itemAt = parser.currentTokenLocation();
        String text = scalar(parser.currentToken(), itemAt, rule, field + " example");
        if (text != null) {
          target.add(text);
        }
      }
    }
  }

  /** The scalar's text, or null (with a problem noted) for a list or mapping. */
  private String scalar(JsonToken value, JsonLocation at, RawRule rule, String field)
      throws IOException {
    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
      return parser.getText();
    }
    rule.pendingProblems.add(new Pending(at, "'" + field + "' must be a single value"));
    parser.skipChildren();
    return null;
  }

  private String languageValue(JsonToken value, JsonLocation at, String ruleId) throws IOException {
    if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
      problem(at, ruleId, "'language' must be a single value");
      parser.skipChildren();
      return null;
    }
    String language = parser.getText();
    if (!LANGUAGE.matcher(language).matches()) {
      problem(at, ruleId, "language '" + language + "' must be an ISO 639 code or 'any'");
      // reported once here; returned so the file's rules do not each report it missing
      return language;
    }
    return language;
  }

  /** Validates one rule once the whole file (and so the default language) is known. */
  private void finish(RawRule raw, String fileLanguage) {
    String id = raw.id;
    boolean ok = true;
    if (id == null) {
      problem(raw.at, null, "missing required field 'id'");
      ok = false;
    } else if (!ID.matcher(id).matches()) {
      problem(raw.idAt, null, "id '" + id + "' must be letters, digits, '.', '_' or '-'");
      ok = false;
    }
    if (id != null && ok) {
      String first = session.firstDefinition.putIfAbsent(id, position(raw.idAt));
      if (first != null) {
        problem(raw.idAt, id, "duplicate id, first defined at " + first);
        ok = false;
      }
    }
    for (Pending pending : raw.pendingProblems) {
      problem(pending.at, id, pending.message);
      ok = false;
    }
    ok &= checkCategory(raw, id);
    Double weight = checkWeight(raw, id);
    ok &= weight != null;
    String language = raw.language != null ? raw.language : fileLanguage;
    if (raw.language != null && !LANGUAGE.matcher(raw.language).matches()) {
      problem(
          raw.languageAt, id, "language '" + raw.language + "' must be an ISO 639 code or 'any'");
      ok = false;
    } else if (language == null) {
      problem(raw.at, id, "missing field 'language' (set it for the file or the rule)");
      ok = false;
    }
    ok &= checkQuery(raw, id);
    if (ok) {
      session.rules.add(
          new Rule(
              0,
              id,
              language,
              raw.category,
              raw.query,
              weight,
              Optional.ofNullable(raw.description),
              raw.match,
              raw.noMatch));
    }
  }

  private boolean checkCategory(RawRule raw, String id) {
    if (raw.category == null) {
      problem(raw.at, id, "missing required field 'category'");
      return false;
    }
    if (Category.byId(raw.category).isEmpty()) {
      problem(
          raw.categoryAt,
          id,
          "unknown category '" + raw.category + "' (expected one of " + Category.allIds() + ")");
      return false;
    }
    return true;
  }

  private Double checkWeight(RawRule raw, String id) {
    if (raw.weightText == null) {
      problem(raw.at, id, "missing required field 'weight'");
      return null;
    }
    double weight;
    try {
      weight = raw.weightIsNumber ? Double.parseDouble(raw.weightText) : Double.NaN;
    } catch (NumberFormatException e) {
      weight = Double.NaN;
    }
    if (Double.isNaN(weight)) {
      problem(raw.weightAt, id, "weight '" + raw.weightText + "' is not a number");
      return null;
    }
    if (weight < RulePackLoader.MIN_WEIGHT || weight > RulePackLoader.MAX_WEIGHT) {
      problem(raw.weightAt, id, "weight " + raw.weightText + " is out of range [-5, 5]");
      return null;
    }
    return weight;
  }

  private boolean checkQuery(RawRule raw, String id) {
    if (raw.query == null) {
      problem(raw.at, id, "missing required field 'query'");
      return false;
    }
    try {
      QUERIES.parse(raw.query);
      return true;
    } catch (QuerySyntaxException e) {
      int[] at = queryPosition(raw.queryAt, e.line(), e.column());
      session.problems.add(
          new RuleProblem(
              source,
              at[0],
              at[1],
              Optional.ofNullable(id),
              "query does not parse: " + e.getMessage()));
      return false;
    }
  }

  /**
   * Maps a line/column inside a query to the file: a plain scalar starts where Jackson says, a
   * quoted one a column later, a block scalar ({@code |} or {@code >}) on the next lines at their
   * indentation. Escapes in double-quoted scalars can shift the column; this is a best effort that
   * is exact for the usual single-quoted, one-line query.
   */
  private int[] queryPosition(JsonLocation valueAt, int queryLine, int queryColumn) {
    int line = valueAt.getLineNr();
    int column = valueAt.getColumnNr();
    String fileLine = line >= 1 && line <= lines.length ? lines[line - 1] : "";
    char opener = column >= 1 && column <= fileLine.length() ? fileLine.charAt(column - 1) : ' ';
    if (opener == '|' || opener == '>') {
      int target = line + queryLine;
      String text = target <= lines.length ? lines[target - 1] : "";
      int indent = text.length() - text.stripLeading().length();
      return new int[] {target, indent + queryColumn};
    }
    int shift = opener == '\'' || opener == '"' ? 1 : 0;
    if (queryLine == 1) {
      return new int[] {line, column + shift + queryColumn - 1};
    }
    return new int[] {line + queryLine - 1, queryColumn};
  }

  private String position(JsonLocation at) {
    return source + ":" + at.getLineNr() + ":" + at.getColumnNr();
  }

  private void problem(JsonLocation at, String ruleId, String message) {
    session.problems.add(
        new RuleProblem(
            source,
            Math.max(1, at.getLineNr()),
            Math.max(1, at.getColumnNr()),
            Optional.ofNullable(ruleId),
            message));
  }

  private static String unknownField(String field, List<String> known) {
    return "unknown field '" + field + "' (expected one of " + String.join(", ", known) + ")";
  }

  /** A rule as read, before validation. */
  private static final class RawRule {
    final JsonLocation at;
    final List<Pending> pendingProblems = new ArrayList<>();
    final List<String> match = new ArrayList<>();
    final List<String> noMatch = new ArrayList<>();
    String id;
    JsonLocation idAt;
    String category;
    JsonLocation categoryAt;
    String weightText;
    boolean weightIsNumber;
    JsonLocation weightAt;
    String description;
    String language;
    JsonLocation languageAt;
    String query;
    JsonLocation queryAt;

    RawRule(JsonLocation at) {
      this.at = at;
    }
  }

  /** A problem found while reading a rule, reported once its id is known. */
  private record Pending(JsonLocation at, String message) {}
}

package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.normalize.Normalizer;

/**
 * Parses rule queries in Lucene's classic syntax on the field of the rule's language ({@link
 * PostFields#fieldOf(String)}), after the same {@link Normalizer} and with the same analyzer as
 * posts, so a rule may contain emojis, Arabic-Indic digits or tatweel and still match. A bare
 * number or symbol token ({@code 3000}, {@code emoji_boat}) queries the language-neutral field
 * instead. Terms that the analyzer splits into several words become phrases; the default operator
 * is {@code OR}. Thread-safe: a new Lucene parser is made per call because Lucene's is not.
 */
public final class RuleQueryParser {
  private static final Pattern LEXICAL_POSITION = Pattern.compile("column (\\d+)");

  /** A parser with the analyzers of {@link PostFields}. */
  public RuleQueryParser() {}

  /**
   * Parses one query of a rule of language {@link PostFields#ANY}.
   *
   * @see #parse(String, String)
   */
  public Query parse(String query) throws QuerySyntaxException {
    return parse(query, PostFields.ANY);
  }

  /**
   * Parses one query.
   *
   * @param query the query as written in the rule
   * @param language the rule's language, which chooses the field and its analysis
   * @return the Lucene query
   * @throws QuerySyntaxException with the position in {@code query} where parsing failed
   */
  public Query parse(String query, String language) throws QuerySyntaxException {
    requireNonNull(query, "query");
    requireNonNull(language, "language");
    NormalizedText normalized = Normalizer.normalize(query);
    QueryParser parser = new RoutingQueryParser(PostFields.fieldOf(language));
    // Classic behaviour: whitespace separates clauses, and a clause the analyzer splits into
    // several tokens (wa.me/x, 3,000) must match them in sequence, not any one of them.
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    try {
      Query parsed = parser.parse(normalized.text());
      if (parsed == null) {
        throw new QuerySyntaxException("query has no searchable words", 1, 1, null);
      }
      return parsed;
    } catch (ParseException e) {
      throw syntaxError(query, normalized, e);
    } catch (IndexSearcher.TooManyClauses | IllegalArgumentException e) {
      // Lucene reports regexps that are too complex or invalid as IllegalArgumentException.
      throw new QuerySyntaxException(firstLine(e.getMessage()), 1, 1, e);
    }
  }

  /** Sends bare numbers and symbol tokens of the default field to the neutral field. */
  private static final class RoutingQueryParser extends QueryParser {
    RoutingQueryParser(String field) {
      super(field, PostFields.analyzer());
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      boolean neutral = field.equals(getField()) && PostFields.isNeutralWord(queryText);
      return super.getFieldQuery(neutral ? PostFields.NEUTRAL_FIELD : field, queryText, quoted);
    }
  }

  private static QuerySyntaxException syntaxError(
      String query, NormalizedText normalized, ParseException wrapper) {
    Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
    // Lucene's query lexer counts every query as one line; its columns are char offsets.
    int offset = 0;
    String message = firstLine(cause.getMessage());
    if (cause instanceof ParseException parse
        && parse.currentToken != null
        && parse.currentToken.next != null) {
      Token at = parse.currentToken.next;
      offset = at.beginColumn; // 0-based
      message = at.kind == 0 ? "unexpected end of query" : "unexpected '" + at.image + "'";
    } else if (cause instanceof TokenMgrError) {
      Matcher position = LEXICAL_POSITION.matcher(message);
      if (position.find()) {
        offset = Integer.parseInt(position.group(1)) - 1; // 1-based
      }
      message =
          message.contains("<EOF>")
              ? "unexpected end of query (unclosed quote or regexp?)"
              : "unexpected character";
    }
    offset = Math.max(0, Math.min(normalized.text().length(), offset));
    int original = normalized.originalOffset(offset);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < original && i < query.length(); i++) {
      if (query.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new QuerySyntaxException(message, line, original - lineStart + 1, wrapper);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}

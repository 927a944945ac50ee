package org.crossingwatch.classifier.rules.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a rule query in Lucene's classic syntax into the words and phrases an analyzer sees, with
 * their offsets in the query. Operators, groups, fields, regexps, wildcard terms and boosts are
 * left out: only plain words and quoted phrases go through the analysis unchanged.
 */
final class QueryTerms {
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "&&", "||", "TO");

  /** A word or phrase and its offset in the query ({@code text} without the quotes). */
  record Term(String text, int offset) {}

  private QueryTerms() {}

  static List<Term> of(String query) {
    List<Term> terms = new ArrayList<>();
    int i = 0;
    int n = query.length();
    while (i < n) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '+' || c == '-') {
        i++;
      } else if (c == '"') {
        int end = closing(query, i + 1, '"');
        terms.add(new Term(query.substring(i + 1, end), i + 1));
        i = end + 1;
      } else if (c == '/') {
        i = closing(query, i + 1, '/') + 1;
      } else {
        int start = i;
        while (i < n && !endsWord(query.charAt(i))) {
          i += query.charAt(i) == '\\' ? 2 : 1;
        }
        String word = query.substring(start, Math.min(i, n));
        if (plain(word)) {
          terms.add(new Term(word, start));
        }
      }
    }
    return List.copyOf(terms);
  }

  private static boolean endsWord(char c) {
    return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
  }

  private static boolean plain(String word) {
    return !OPERATORS.contains(word)
        && word.chars().noneMatch(ch -> ch == '*' || ch == '?' || ch == ':' || ch == '\\')
        && word.indexOf('~') < 0
        && word.indexOf('^') < 0;
  }

  private static int closing(String query, int from, char quote) {
    for (int i = from; i < query.length(); i++) {
      if (query.charAt(i) == '\\') {
        i++;
      } else if (query.charAt(i) == quote) {
        return i;
      }
    }
    return query.length();
  }
}

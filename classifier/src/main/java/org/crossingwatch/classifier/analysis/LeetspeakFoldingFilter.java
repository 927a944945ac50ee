package org.crossingwatch.classifier.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Adds the letter spelling of a Latin word written with digits for letters ({@code b0at}, {@code
 * p4ssage}, {@code d3part}, {@code c0ntr0lli}) at the same position, so rules written in plain
 * words match it; the original token stays for numbers and handles. A word is folded only when it
 * has at least two ASCII letters, no other letters, and every digit in it stands for a letter: 0 o,
 * 1 i, 3 e, 4 a, 5 s, 7 t ({@code 3k5}, {@code 24h} and {@code covid19} stay as they are). Expects
 * folded (lower-case, accent-free) input. Not for Arabizi, where 3, 7 and 9 are Arabic letters.
 */
final class LeetspeakFoldingFilter extends TokenFilter {
  private static final int MIN_LETTERS = 2;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private State pending;
  private String pendingSpelling;

  LeetspeakFoldingFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pending != null) {
      restoreState(pending);
      pending = null;
      term.setEmpty().append(pendingSpelling);
      position.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    String spelling = letterSpelling(term);
    if (spelling != null) {
      pending = captureState();
      pendingSpelling = spelling;
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = null;
    pendingSpelling = null;
  }

  /** The word with its digits read as letters, or null when it is not a leetspeak word. */
  static String letterSpelling(CharSequence word) {
    StringBuilder out = new StringBuilder(word.length());
    int letters = 0;
    boolean digit = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letters++;
        out.append(c);
        continue;
      }
      char letter = letterFor(c);
      if (letter == 0) {
        return null;
      }
      digit = true;
      out.append(letter);
    }
    return digit && letters >= MIN_LETTERS ? out.toString() : null;
  }

  private static char letterFor(char digit) {
    return switch (digit) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4' -> 'a';
      case '5' -> 's';
      case '7' -> 't';
      default -> 0;
    };
  }
}

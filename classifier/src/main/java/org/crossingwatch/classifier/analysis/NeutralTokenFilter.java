package org.crossingwatch.classifier.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps only the words that mean the same in every language: numbers ({@code 3000}, {@code 1.500})
 * and the normaliser's symbol tokens ({@code emoji_boat}, {@code flag_gr}, {@code currency_eur}).
 * Expects folded (lower-case) input.
 */
final class NeutralTokenFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  NeutralTokenFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() {
    return isNeutral(term);
  }

  /** Whether a folded word is a number or a symbol token. */
  static boolean isNeutral(CharSequence word) {
    if (word.length() == 0) {
      return false;
    }
    String text = word.toString();
    if (text.startsWith("emoji_") || text.startsWith("flag_") || text.startsWith("currency_")) {
      return true;
    }
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != ',') {
        return false;
      }
    }
    return digit;
  }
}

package org.crossingwatch.classifier.language;

import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.normalize.Normalizer;

/**
 * Prepares a post's text for language detection: the shared {@link Normalizer} (NFKC, zero-width
 * characters, Arabic-Indic digits), then words that say nothing about the language are blanked:
 * links, e-mail addresses, handles and the normaliser's own tokens ({@code emoji_boat}, {@code
 * currency_eur}, {@code flag_gr}), which are Latin letters in any post. The result has the same
 * meaning char for char as the normalised text, only with those words turned into spaces.
 */
final class TextPreparer {
  private TextPreparer() {}

  static String prepare(String text) {
    return prepare(Normalizer.normalize(text));
  }

  /** As {@link #prepare(String)} for a text that {@link Normalizer} has already normalised. */
  static String prepare(NormalizedText normalized) {
    char[] chars = normalized.text().toCharArray();
    int i = 0;
    while (i < chars.length) {
      if (Character.isWhitespace(chars[i])) {
        i++;
        continue;
      }
      int end = i;
      while (end < chars.length && !Character.isWhitespace(chars[end])) {
        end++;
      }
      if (isNoise(chars, i, end)) {
        java.util.Arrays.fill(chars, i, end, ' ');
      }
      i = end;
    }
    return new String(chars);
  }

  private static boolean isNoise(char[] chars, int start, int end) {
    for (int k = start; k < end; k++) {
      char c = chars[k];
      if (c == '_' || c == '@' || c == '/' || c == '\\' || c == '=' || c == '+') {
        return true;
      }
      if (c == 'w' && k + 3 < end && chars[k + 1] == 'w' && chars[k + 2] == 'w') {
        return chars[k + 3] == '.';
      }
    }
    return false;
  }
}

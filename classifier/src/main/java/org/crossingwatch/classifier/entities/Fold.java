package org.crossingwatch.classifier.entities;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds words so spelling variants compare equal: lower case, no diacritics (Latin accents, Greek
 * tonos, Arabic harakat and hamza seats), and one letter for each group of Arabic-script variants
 * (ي/ی/ى/ے, ك/ک, ة/ه/ە, ا/أ/إ/آ).
 */
final class Fold {
  private Fold() {}

  /** The folded form of {@code word}; may be shorter or longer than the input. */
  static String fold(String word) {
    if (isAscii(word)) {
      return word.toLowerCase(Locale.ROOT); // nothing below changes an ASCII letter
    }
    String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int category = Character.getType(c);
      if (category == Character.NON_SPACING_MARK || category == Character.ENCLOSING_MARK) {
        continue;
      }
      out.append(
          switch (c) {
            case 'ی', 'ى', 'ے', 'ئ' -> "ي";
            case 'ک' -> "ك";
            case 'ة', 'ە', 'ۀ', 'ھ' -> "ه";
            case 'ٱ' -> "ا";
            case 'ı' -> "i";
            case 'ς' -> "σ";
            case 'ł' -> "l";
            case 'đ' -> "d";
            case 'ø' -> "o";
            case 'ß' -> "ss";
            default -> String.valueOf(c);
          });
    }
    return out.toString();
  }

  private static boolean isAscii(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code c} is in the Arabic script blocks (Arabic, Persian, Urdu, Pashto letters). */
  static boolean isArabicScript(char c) {
    return (c >= '\u0600' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F');
  }
}

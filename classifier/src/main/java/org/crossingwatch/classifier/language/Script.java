package org.crossingwatch.classifier.language;

import java.lang.Character.UnicodeScript;

/**
 * The writing systems the detector tells apart. Each target language is written in exactly one of
 * them; scripts with no target language are {@link #OTHER}.
 */
public enum Script {
  ARABIC,
  LATIN,
  CYRILLIC,
  GREEK,
  BENGALI,
  ETHIOPIC,
  OTHER;

  /**
   * The script of a code point that belongs to a word (a letter or a combining mark).
   *
   * @return the script, or {@code null} when the code point is not a letter or mark of a specific
   *     script (digits, punctuation, spaces, emoji, marks shared by all scripts)
   */
  static Script ofWordChar(int codePoint) {
    int type = Character.getType(codePoint);
    boolean wordChar =
        Character.isLetter(codePoint)
            || type == Character.NON_SPACING_MARK
            || type == Character.COMBINING_SPACING_MARK;
    if (!wordChar) {
      return null;
    }
    return switch (UnicodeScript.of(codePoint)) {
      case ARABIC -> ARABIC;
      case LATIN -> LATIN;
      case CYRILLIC -> CYRILLIC;
      case GREEK -> GREEK;
      case BENGALI -> BENGALI;
      case ETHIOPIC -> ETHIOPIC;
      case COMMON, INHERITED, UNKNOWN -> null;
      default -> OTHER;
    };
  }
}

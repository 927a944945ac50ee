package org.crossingwatch.classifier.entities;

import java.util.ArrayList;
import java.util.List;

/** Splits text into words: runs of letters, digits and combining marks. */
final class WordTokens {
  private WordTokens() {}

  /** A word and its {@code [start, end)} offsets in the text it came from. */
  record Word(String text, int start, int end) {}

  static List<Word> of(String text) {
    List<Word> words = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      boolean inWord = Character.isLetterOrDigit(cp) || isMark(cp);
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(new Word(text.substring(start, i), start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      words.add(new Word(text.substring(start), start, text.length()));
    }
    return words;
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}

package org.crossingwatch.classifier.language;

/**
 * The character n-grams (orders 1 to {@value #MAX_ORDER}) of a stretch of prepared text, shared by
 * the detector and the model trainer so both see exactly the same features.
 *
 * <p>Each word is lower-cased and padded with one space on either side; n-grams never span two
 * words, and the lone space is not a feature. Arabic vowel marks are dropped because writers rarely
 * type them; other combining marks (Bengali vowel signs) stay part of the word. Digits count only
 * inside a word that has letters, which keeps Arabizi {@code 3la} and {@code l7a9} and drops prices
 * and phone numbers.
 *
 * <p>An n-gram is packed into a {@code long}, 16 bits per UTF-16 char, first char highest; chars
 * are never zero, so n-grams of different orders never collide and no key is {@code 0}.
 */
final class NgramFeatures {
  static final int MAX_ORDER = 4;

  /** Receives n-gram keys. */
  @FunctionalInterface
  interface Sink {
    void accept(long key);
  }

  private NgramFeatures() {}

  /**
   * Emits the n-grams of {@code text[start, end)}.
   *
   * @return how many n-grams were emitted
   */
  static int extract(CharSequence text, int start, int end, Sink sink) {
    int count = 0;
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      int wordEnd = i;
      boolean hasLetter = false;
      while (wordEnd < end && isWordChar(text.charAt(wordEnd))) {
        hasLetter |= Character.isLetter(text.charAt(wordEnd));
        wordEnd++;
      }
      if (hasLetter) {
        count += word(text, i, wordEnd, sink);
      }
      i = wordEnd;
    }
    return count;
  }

  private static int word(CharSequence text, int start, int end, Sink sink) {
    long window = ' ';
    int filled = 1;
    int count = 0;
    for (int i = start; i <= end; i++) {
      char c;
      if (i == end) {
        c = ' ';
      } else {
        c = text.charAt(i);
        if (isArabicVowelMark(c)) {
          continue;
        }
        c = Character.toLowerCase(c);
      }
      window = (window << 16) | c;
      filled = Math.min(filled + 1, MAX_ORDER);
      for (int order = 1; order <= filled; order++) {
        if (order == 1 && c == ' ') {
          continue;
        }
        sink.accept(order == MAX_ORDER ? window : window & ((1L << (16 * order)) - 1));
        count++;
      }
    }
    return count;
  }

  static int order(long key) {
    int order = 0;
    while (key != 0) {
      key >>>= 16;
      order++;
    }
    return order;
  }

  static String text(long key) {
    StringBuilder out = new StringBuilder(MAX_ORDER);
    for (int shift = 16 * (MAX_ORDER - 1); shift >= 0; shift -= 16) {
      char c = (char) ((key >>> shift) & 0xFFFF);
      if (c != 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  static long key(String ngram) {
    if (ngram.isEmpty() || ngram.length() > MAX_ORDER) {
      throw new IllegalArgumentException(
          "an n-gram has 1 to " + MAX_ORDER + " chars, got '" + ngram + "'");
    }
    long key = 0;
    for (int i = 0; i < ngram.length(); i++) {
      key = (key << 16) | ngram.charAt(i);
    }
    return key;
  }

  private static boolean isWordChar(char c) {
    if (Character.isLetterOrDigit(c)) {
      return !Character.isSurrogate(c);
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isArabicVowelMark(char c) {
    return (c >= '\u064B' && c <= '\u065F') || c == '\u0670';
  }
}

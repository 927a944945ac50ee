package org.crossingwatch.classifier.normalize;

import java.util.Map;

/**
 * The normalisation steps that undo deliberate obfuscation, each keeping the map back to the
 * original text: look-alike letters folded to the word's dominant script, spaced or dotted letters
 * rejoined, letter runs collapsed. Stateless.
 */
final class Deobfuscator {
  private static final int LATIN = 0;
  private static final int CYRILLIC = 1;
  private static final int GREEK = 2;

  /** Letters a reader cannot tell apart, per script, to their twin in the other scripts. */
  private static final Map<Character, Character> CYRILLIC_TO_LATIN =
      pairs("аaеeоoрpсcуyхxіiјjѕsԁdһhӏlАAВBЕEКKМMНHОOРPСCТTХXУYІIЅSЈJ");

  private static final Map<Character, Character> GREEK_TO_LATIN =
      pairs("αaοoρpνvιiκkυuΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX");

  private static final Map<Character, Character> LATIN_TO_CYRILLIC = inverse(CYRILLIC_TO_LATIN);
  private static final Map<Character, Character> LATIN_TO_GREEK = inverse(GREEK_TO_LATIN);

  /** Between spaced-out letters: one of these, alone. */
  private static final String LETTER_SEPARATORS = " .-_*·•";

  /** Spaced-out letters are rejoined only from this many letters on. */
  private static final int MIN_SPACED_LETTERS = 3;

  private Deobfuscator() {}

  static NormalizedText apply(NormalizedText in) {
    return collapseRuns(rejoinSpacedLetters(foldHomoglyphs(in)));
  }

  /**
   * In a word mixing Latin, Cyrillic and Greek letters, letters of the other scripts that have a
   * twin in the word's dominant script become that twin ({@code pаssport} with a Cyrillic а is
   * {@code passport}). A tie goes to the text's dominant script among the three.
   */
  static NormalizedText foldHomoglyphs(NormalizedText in) {
    String text = in.text();
    int[] overall = new int[3];
    for (int i = 0; i < text.length(); i++) {
      int script = script(text.charAt(i));
      if (script >= 0) {
        overall[script]++;
      }
    }
    char[] out = text.toCharArray();
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      int[] counts = new int[3];
      while (end < text.length() && Character.isLetter(text.charAt(end))) {
        int script = script(text.charAt(end));
        if (script >= 0) {
          counts[script]++;
        }
        end++;
      }
      int scripts = (counts[0] > 0 ? 1 : 0) + (counts[1] > 0 ? 1 : 0) + (counts[2] > 0 ? 1 : 0);
      if (scripts > 1) {
        int target = dominant(counts, overall);
        for (int k = i; k < end; k++) {
          Character twin = twin(text.charAt(k), target);
          if (twin != null) {
            out[k] = twin;
          }
        }
      }
      i = end;
    }
    Builder builder = new Builder(in);
    for (int k = 0; k < out.length; k++) {
      builder.keep(k, out[k]);
    }
    return builder.build();
  }

  /**
   * Rejoins words written one letter at a time: {@code s.m.u.g}, {@code s m u g g l i n g}, {@code
   * ت ه ر ي ب}: at least {@value #MIN_SPACED_LETTERS} single letters, each separated from the next
   * by exactly one of {@code space . - _ * · •}.
   */
  static NormalizedText rejoinSpacedLetters(NormalizedText in) {
    String text = in.text();
    boolean[] drop = new boolean[text.length()];
    int i = 0;
    while (i < text.length()) {
      if (!isSingleLetterAt(text, i)) {
        i++;
        continue;
      }
      int letters = 1;
      int last = i;
      int k = i + 1;
      while (k + 1 < text.length()
          && LETTER_SEPARATORS.indexOf(text.charAt(k)) >= 0
          && text.charAt(k) == separatorOf(text, i)
          && isSingleLetterAt(text, k + 1)) {
        letters++;
        last = k + 1;
        k += 2;
      }
      if (letters >= MIN_SPACED_LETTERS) {
        for (int j = i + 1; j < last; j += 2) {
          drop[j] = true;
        }
      }
      i = last + 1;
    }
    Builder builder = new Builder(in);
    for (int k = 0; k < text.length(); k++) {
      if (!drop[k]) {
        builder.keep(k, text.charAt(k));
      }
    }
    return builder.build();
  }

  /**
   * Runs of three or more of the same letter are shortened: a vowel of the Latin, Cyrillic or Greek
   * alphabet to one ({@code boooat} is {@code boat}), another letter of those scripts to two, since
   * doubled consonants are common ({@code passsssage} is {@code passage}), a letter of any other
   * script to one ({@code تهرييييب} is {@code تهريب}). Runs of two are left alone, and so is every
   * word with {@code /}, {@code @} or {@code www.}: links and handles are entities, not words.
   */
  static NormalizedText collapseRuns(NormalizedText in) {
    String text = in.text();
    Builder builder = new Builder(in);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = i + 1;
      while (end < text.length()
          && Character.toLowerCase(text.charAt(end)) == Character.toLowerCase(c)) {
        end++;
      }
      int run = end - i;
      int keep = run;
      if (run >= 3 && Character.isLetter(c) && !inLinkOrHandle(text, i)) {
        keep = script(c) < 0 || isVowel(c) ? 1 : 2;
      }
      for (int k = i; k < i + keep; k++) {
        builder.keep(k, text.charAt(k));
      }
      // the dropped letters belong to the last one kept, so its span covers the whole run
      builder.extendLast(in.originalRange(i, end)[1]);
      i = end;
    }
    return builder.build();
  }

  /** Whether position {@code i} is in a word with {@code /}, {@code @} or {@code www.}. */
  private static boolean inLinkOrHandle(String text, int i) {
    int start = i;
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    int end = i;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String word = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    return word.indexOf('/') >= 0 || word.indexOf('@') >= 0 || word.contains("www.");
  }

  private static char separatorOf(String text, int firstLetter) {
    return text.charAt(firstLetter + 1);
  }

  /** A letter that is a word on its own: no letter or digit right before or after it. */
  private static boolean isSingleLetterAt(String text, int i) {
    if (!Character.isLetter(text.charAt(i))) {
      return false;
    }
    boolean before = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
    boolean after = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    return !before && !after;
  }

  private static boolean isVowel(char c) {
    return "aeiouyаеёиоуыэюяіїєαεηιουωάέήίόύώ".indexOf(Character.toLowerCase(c)) >= 0;
  }

  private static int script(char c) {
    Character.UnicodeScript script;
    try {
      script = Character.UnicodeScript.of(c);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    return switch (script) {
      case LATIN -> LATIN;
      case CYRILLIC -> CYRILLIC;
      case GREEK -> GREEK;
      default -> -1;
    };
  }

  private static int dominant(int[] counts, int[] overall) {
    int best = -1;
    for (int s = 0; s < 3; s++) {
      if (best < 0
          || counts[s] > counts[best]
          || (counts[s] == counts[best] && overall[s] > overall[best])) {
        best = s;
      }
    }
    return best;
  }

  private static Character twin(char c, int target) {
    int from = script(c);
    if (from < 0 || from == target) {
      return null;
    }
    Character latin =
        switch (from) {
          case LATIN -> c;
          case CYRILLIC -> CYRILLIC_TO_LATIN.get(c);
          default -> GREEK_TO_LATIN.get(c);
        };
    if (latin == null || target == LATIN) {
      return latin;
    }
    return target == CYRILLIC ? LATIN_TO_CYRILLIC.get(latin) : LATIN_TO_GREEK.get(latin);
  }

  private static Map<Character, Character> pairs(String pairs) {
    java.util.HashMap<Character, Character> map = new java.util.HashMap<>();
    for (int i = 0; i + 1 < pairs.length(); i += 2) {
      map.put(pairs.charAt(i), pairs.charAt(i + 1));
    }
    return Map.copyOf(map);
  }

  private static Map<Character, Character> inverse(Map<Character, Character> map) {
    java.util.HashMap<Character, Character> inverse = new java.util.HashMap<>();
    map.forEach((k, v) -> inverse.putIfAbsent(v, k));
    return Map.copyOf(inverse);
  }

  /** Builds the next text from chosen chars of the previous one, each keeping its source range. */
  private static final class Builder {
    private final NormalizedText in;
    private final StringBuilder text;
    private int[] starts;
    private int[] ends;

    Builder(NormalizedText in) {
      this.in = in;
      int capacity = Math.max(16, in.text().length());
      this.text = new StringBuilder(capacity);
      this.starts = new int[capacity];
      this.ends = new int[capacity];
    }

    void keep(int index, char c) {
      int[] range = in.originalRange(index, index + 1);
      if (text.length() == starts.length) {
        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
      }
      starts[text.length()] = range[0];
      ends[text.length()] = range[1];
      text.append(c);
    }

    void extendLast(int originalEnd) {
      if (text.length() > 0) {
        ends[text.length() - 1] = Math.max(ends[text.length() - 1], originalEnd);
      }
    }

    NormalizedText build() {
      return new NormalizedText(
          in.original(),
          text.toString(),
          java.util.Arrays.copyOf(starts, text.length()),
          java.util.Arrays.copyOf(ends, text.length()));
    }
  }
}

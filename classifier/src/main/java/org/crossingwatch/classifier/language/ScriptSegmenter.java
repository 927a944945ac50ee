package org.crossingwatch.classifier.language;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into {@link ScriptRun}s: a new run starts where the script of the letters changes and
 * after every sentence end or line break. Digits, spaces and punctuation between two runs go to the
 * run of the word they touch, so the {@code 3} of the Arabizi {@code 3la} stays with its Latin
 * letters. Thread-safe and stateless.
 */
public final class ScriptSegmenter {
  private ScriptSegmenter() {}

  /**
   * Segments a text.
   *
   * @param text any text, possibly empty
   * @return the runs in text order, each with at least one letter or mark; empty when the text has
   *     none
   * @throws NullPointerException if {@code text} is null
   */
  public static List<ScriptRun> segment(String text) {
    requireNonNull(text, "text");
    List<ScriptRun> runs = new ArrayList<>();
    Script current = null;
    int start = 0;
    int letters = 0;
    int lastWordCharEnd = 0;
    // where the word being read started; digits before a script change belong to the next run
    int wordStart = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isWhitespace(cp) || isSentenceEnd(cp)) {
        wordStart = next;
      }
      if (isSentenceEnd(cp) || cp == '\n') {
        if (current != null) {
          runs.add(new ScriptRun(current, start, lastWordCharEnd, letters));
          current = null;
        }
        i = next;
        continue;
      }
      Script script = Script.ofWordChar(cp);
      if (script != null) {
        if (current == null) {
          current = script;
          start = Math.min(wordStart, i);
          letters = 0;
        } else if (script != current) {
          int cut = wordStart > lastWordCharEnd ? wordStart : i;
          runs.add(new ScriptRun(current, start, lastWordCharEnd, letters));
          current = script;
          start = cut;
          letters = 0;
        }
        if (Character.isLetter(cp)) {
          letters++;
        }
        lastWordCharEnd = next;
      } else if (current != null && Character.isDigit(cp) && wordStart < i) {
        // a digit glued to the current word (l7a9, 2ana) is part of the run
        lastWordCharEnd = next;
      }
      i = next;
    }
    if (current != null) {
      runs.add(new ScriptRun(current, start, lastWordCharEnd, letters));
    }
    return List.copyOf(runs);
  }

  private static boolean isSentenceEnd(int cp) {
    return switch (cp) {
      case '.', '!', '?', '\n', '؟', '۔', '।', '።', '፧', ';', '|', '•' -> true;
      default -> false;
    };
  }
}

package org.crossingwatch.classifier.language;

import static java.util.Objects.requireNonNull;

/**
 * A stretch of prepared text written in one script and inside one sentence or line.
 *
 * @param script the script of every letter in the run
 * @param start first char of the run (inclusive)
 * @param end last char of the run (exclusive)
 * @param letters how many letters the run holds (marks, digits and punctuation not counted)
 */
public record ScriptRun(Script script, int start, int end, int letters) {
  public ScriptRun {
    requireNonNull(script, "script");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "run range must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
    }
    if (letters < 0 || letters > end - start) {
      throw new IllegalArgumentException(
          "letters must be between 0 and the run length " + (end - start) + ", got " + letters);
    }
  }
}

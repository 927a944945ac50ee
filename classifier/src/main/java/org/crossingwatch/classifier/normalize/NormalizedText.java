package org.crossingwatch.classifier.normalize;

import java.util.Arrays;
import java.util.Objects;

/**
 * The normalised form of a text, with a map from every normalised character back to the range of
 * the original text it came from, so spans found in the normalised text can be shown in the
 * original. Immutable.
 */
public final class NormalizedText {
  private final String original;
  private final String text;
  private final int[] originalStart;
  private final int[] originalEnd;

  NormalizedText(String original, String text, int[] originalStart, int[] originalEnd) {
    if (text.length() != originalStart.length || text.length() != originalEnd.length) {
      throw new IllegalArgumentException(
          "offset maps must have one entry per character of '" + text + "'");
    }
    this.original = original;
    this.text = text;
    this.originalStart = originalStart.clone();
    this.originalEnd = originalEnd.clone();
  }

  /** The text before normalisation, unchanged. */
  public String original() {
    return original;
  }

  /** The normalised text, as analysed and matched. */
  public String text() {
    return text;
  }

  /**
   * Maps a range of the normalised text to the smallest range of the original text that produced
   * it.
   *
   * @param start first normalised char (inclusive), {@code 0 <= start <= end}
   * @param end last normalised char (exclusive), {@code end <= text().length()}
   * @return {@code [originalStart, originalEnd)}; an empty range maps to an empty range
   * @throws IndexOutOfBoundsException if the range is not inside the normalised text
   */
  public int[] originalRange(int start, int end) {
    Objects.checkFromToIndex(start, end, text.length());
    if (start == end) {
      int at = start < text.length() ? originalStart[start] : original.length();
      return new int[] {at, at};
    }
    int from = Integer.MAX_VALUE;
    int to = 0;
    for (int i = start; i < end; i++) {
      from = Math.min(from, originalStart[i]);
      to = Math.max(to, originalEnd[i]);
    }
    return new int[] {from, to};
  }

  /**
   * As {@link #originalRange(int, int)} for one position: where normalised char {@code i} came
   * from.
   */
  public int originalOffset(int index) {
    if (index == text.length()) {
      return original.length();
    }
    return originalRange(index, index + 1)[0];
  }

  /**
   * This text with each decimal digit (of any script) that came from inside {@code [originalStart,
   * originalEnd)} of the original replaced by a space: the same length and the same map back to the
   * original, so spans found in the result are shown in the original as before. The classifier
   * blanks the digits of phone numbers this way, so that no rule reads them as a number; the
   * separators between the digit groups are kept.
   *
   * @param originalStart first char of the original text (inclusive)
   * @param originalEnd last char of the original text (exclusive)
   * @return the text with those digits blanked; this text when none came from the range
   * @throws IndexOutOfBoundsException if the range is not inside the original text
   */
  public NormalizedText withDigitsBlanked(int originalStart, int originalEnd) {
    Objects.checkFromToIndex(originalStart, originalEnd, original.length());
    char[] blanked = null;
    for (int i = 0; i < text.length(); i++) {
      if (this.originalStart[i] >= originalStart
          && this.originalEnd[i] <= originalEnd
          && Character.isDigit(text.charAt(i))) {
        if (blanked == null) {
          blanked = text.toCharArray();
        }
        blanked[i] = ' ';
      }
    }
    return blanked == null
        ? this
        : new NormalizedText(original, new String(blanked), this.originalStart, this.originalEnd);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NormalizedText that
        && original.equals(that.original)
        && text.equals(that.text)
        && Arrays.equals(originalStart, that.originalStart)
        && Arrays.equals(originalEnd, that.originalEnd);
  }

  @Override
  public int hashCode() {
    return Objects.hash(original, text);
  }

  @Override
  public String toString() {
    return "NormalizedText[" + text + "]";
  }
}

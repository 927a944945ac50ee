package org.crossingwatch.classifier.internal;

import java.util.Locale;

/**
 * The compact ids rules are registered under in Lucene Monitor: a rule's position in the compiled
 * list, in base 36, zero-padded to one width for the whole list ({@code 000}, {@code 001}, ...,
 * {@code 7ps} for 10,000 rules). Monitor reads the id and the disjunct's cache id ({@code
 * <id>_<n>}) of every candidate from the rule index's compressed doc values and hashes them, so
 * shorter ids cost less per candidate; with one width, the ids sort as the positions do, so the
 * rule index's doc order and the ids' order agree. Immutable and thread-safe.
 */
record RuleKeys(int width) {
  private static final int RADIX = Character.MAX_RADIX;

  RuleKeys {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, was " + width);
    }
  }

  /** Keys wide enough for {@code count} rules (one character for none). */
  static RuleKeys forCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    return new RuleKeys(Integer.toString(Math.max(count - 1, 0), RADIX).length());
  }

  /** The key of the rule at this position. */
  String of(int position) {
    String digits = Integer.toString(position, RADIX);
    if (position < 0 || digits.length() > width) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "position %d does not fit in %d base-36 digits", position, width));
    }
    return "0".repeat(width - digits.length()) + digits;
  }

  /**
   * The position of the rule with this key.
   *
   * @throws IllegalArgumentException if the key is not one of these keys
   */
  int positionOf(String key) {
    if (key.length() != width) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "'%s' is not a rule key of width %d", key, width));
    }
    // Read by hand rather than with Integer.parseInt(key, 36): this runs for every candidate of
    // every post, and the general parser's radix handling showed in profiles.
    int position = 0;
    for (int i = 0; i < width; i++) {
      char c = key.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        digit = c - 'a' + 10;
      } else {
        throw new IllegalArgumentException("'" + key + "' is not a base-36 rule key");
      }
      position = position * RADIX + digit;
    }
    return position;
  }
}

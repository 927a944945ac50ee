package org.crossingwatch.classifier.entities;

import java.util.Map;

/** Expected entities for tests, located by the first occurrence of their value in the text. */
final class Entities {
  private Entities() {}

  static Entity expected(
      Entity.Type type, String text, String value, String normalized, Map<String, String> attrs) {
    return expectedFrom(type, text, 0, value, normalized, attrs);
  }

  static Entity expectedFrom(
      Entity.Type type,
      String text,
      int from,
      String value,
      String normalized,
      Map<String, String> attrs) {
    int start = text.indexOf(value, from);
    if (start < 0) {
      throw new IllegalArgumentException("'" + value + "' is not in '" + text + "'");
    }
    return new Entity(type, value, normalized, start, start + value.length(), attrs);
  }
}

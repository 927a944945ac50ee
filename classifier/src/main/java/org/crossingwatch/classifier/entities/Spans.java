package org.crossingwatch.classifier.entities;

import java.util.Map;
import org.crossingwatch.classifier.normalize.NormalizedText;

/** Turns spans found in normalised text into entities anchored in the original text. */
final class Spans {
  private Spans() {}

  /**
   * An entity for the normalised range {@code [start, end)}, with its value and offsets taken from
   * the original text.
   */
  static Entity entity(
      NormalizedText text,
      Entity.Type type,
      int start,
      int end,
      String normalized,
      Map<String, String> attributes) {
    int[] range = text.originalRange(start, end);
    String value = text.original().substring(range[0], range[1]);
    return new Entity(type, value, normalized, range[0], range[1], attributes);
  }
}

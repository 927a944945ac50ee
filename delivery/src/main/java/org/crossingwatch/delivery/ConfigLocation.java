package org.crossingwatch.delivery;

import static java.util.Objects.requireNonNull;

/**
 * Where something is in a configuration file, for error messages: {@code file:line:column}, both
 * counted from 1.
 *
 * @param source the file name or another label for the text
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record ConfigLocation(String source, int line, int column) {
  public ConfigLocation {
    requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}

package org.crossingwatch.classifier.internal;

/**
 * A rule query that does not parse, with the 1-based line and column inside the query text where
 * the parser gave up (line 1, column 1 when the parser did not say).
 */
public final class QuerySyntaxException extends Exception {
  private final int line;
  private final int column;

  QuerySyntaxException(String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  /** 1-based line inside the query text. */
  public int line() {
    return line;
  }

  /** 1-based column inside that line of the query text. */
  public int column() {
    return column;
  }
}

package org.crossingwatch.collectors.jsonl;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next unread line of a JSONL file starts: its byte offset (to seek to) and its 1-based
 * line number (for problem reports). Written as {@code byte=1234,line=17}.
 */
record JsonlPosition(long byteOffset, long lineNumber) {
  static final JsonlPosition START = new JsonlPosition(0, 1);
  private static final Pattern FORMAT = Pattern.compile("byte=(\\d{1,18}),line=(\\d{1,18})");

  JsonlPosition {
    if (byteOffset < 0 || lineNumber < 1) {
      throw new IllegalArgumentException(
          "JSONL position needs byte >= 0 and line >= 1, got byte="
              + byteOffset
              + ",line="
              + lineNumber);
    }
  }

  static JsonlPosition parse(String checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Matcher m = FORMAT.matcher(checkpoint);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "JSONL checkpoint '" + checkpoint + "' is not of the form 'byte=<offset>,line=<number>'");
    }
    return new JsonlPosition(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  JsonlPosition after(long lineBytes) {
    return new JsonlPosition(byteOffset + lineBytes, lineNumber + 1);
  }

  @Override
  public String toString() {
    return "byte=" + byteOffset + ",line=" + lineNumber;
  }
}

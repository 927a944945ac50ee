package org.crossingwatch.collectors.jsonl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines while counting bytes exactly (a {@code BufferedReader} reads
 * ahead and decodes, which loses the byte offset a checkpoint needs). Lines end at {@code \n}; a
 * {@code \r} before it belongs to the terminator. Lines longer than the limit are consumed but not
 * kept.
 */
final class LineReader {
  /** One line: its content without the terminator, and how many bytes it took in the file. */
  record RawLine(byte[] content, long length, boolean terminated, boolean tooLong) {}

  private final InputStream in;
  private final int maxLineBytes;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the stream with nothing read. */
  RawLine next() throws IOException {
    buffer.reset();
    long length = 0;
    boolean tooLong = false;
    int b;
    while ((b = in.read()) != -1) {
      length++;
      if (b == '\n') {
        return new RawLine(withoutCarriageReturn(tooLong), length, true, tooLong);
      }
      if (buffer.size() < maxLineBytes) {
        buffer.write(b);
      } else {
        tooLong = true;
      }
    }
    return length == 0 ? null : new RawLine(buffer.toByteArray(), length, false, tooLong);
  }

  private byte[] withoutCarriageReturn(boolean tooLong) {
    byte[] bytes = buffer.toByteArray();
    if (!tooLong && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      return java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
    return bytes;
  }
}

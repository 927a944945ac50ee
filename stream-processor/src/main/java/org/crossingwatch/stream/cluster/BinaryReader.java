package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a {@link BinaryWriter} wrote, straight from the record's byte array: no stream, no
 * lock, arrays in one bulk copy. A value cut short throws {@link BufferUnderflowException}; a
 * negative or oversized length throws {@link IllegalArgumentException} naming it. Not thread-safe.
 */
final class BinaryReader {
  private final ByteBuffer buffer;

  BinaryReader(byte[] data) {
    buffer = ByteBuffer.wrap(data);
  }

  byte getByte() {
    return buffer.get();
  }

  boolean getBoolean() {
    return buffer.get() != 0;
  }

  int getInt() {
    return buffer.getInt();
  }

  long getLong() {
    return buffer.getLong();
  }

  String getString() {
    int length = length(1);
    String value = new String(buffer.array(), buffer.position(), length, UTF_8);
    buffer.position(buffer.position() + length);
    return value;
  }

  List<String> getStrings() {
    int count = length(Integer.BYTES);
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(getString());
    }
    return values;
  }

  byte[] getBytes() {
    byte[] value = new byte[length(1)];
    buffer.get(value);
    return value;
  }

  int[] getInts() {
    int[] values = new int[length(Integer.BYTES)];
    buffer.asIntBuffer().get(values);
    buffer.position(buffer.position() + Integer.BYTES * values.length);
    return values;
  }

  /** A length prefix, checked against what is left, each element at least {@code unit} bytes. */
  private int length(int unit) {
    int length = buffer.getInt();
    if (length < 0 || (long) length * unit > buffer.remaining()) {
      throw new IllegalArgumentException(
          "length " + length + " does not fit the " + buffer.remaining() + " bytes left");
    }
    return length;
  }
}

package org.crossingwatch.stream.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a {@link BinaryWriter} wrote, straight from the record's byte array: no stream, no
 * lock, arrays in one bulk copy. A value cut short throws {@link BufferUnderflowException}; a
 * negative or oversized length throws {@link IllegalArgumentException} naming it. Not thread-safe.
 */
public final class BinaryReader {
  private final ByteBuffer buffer;

  public BinaryReader(byte[] data) {
    buffer = ByteBuffer.wrap(data);
  }

  public byte getByte() {
    return buffer.get();
  }

  public boolean getBoolean() {
    return buffer.get() != 0;
  }

  public int getInt() {
    return buffer.getInt();
  }

  public long getLong() {
    return buffer.getLong();
  }

  public Instant getInstant() {
    return Instant.ofEpochSecond(getLong(), getInt());
  }

  public String getString() {
    int length = length(1);
    String value = new String(buffer.array(), buffer.position(), length, UTF_8);
    buffer.position(buffer.position() + length);
    return value;
  }

  public List<String> getStrings() {
    int count = length(Integer.BYTES);
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(getString());
    }
    return values;
  }

  public byte[] getBytes() {
    byte[] value = new byte[length(1)];
    buffer.get(value);
    return value;
  }

  public int[] getInts() {
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

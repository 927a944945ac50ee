package org.crossingwatch.stream.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one value of a {@link BinarySerde} into a heap {@link ByteBuffer} that grows as needed:
 * big-endian numbers, strings as an int length and UTF-8, arrays as an int length and their
 * elements in one bulk copy, instants as epoch seconds and nanos. Not thread-safe; one writer per
 * value.
 */
public final class BinaryWriter {
  private ByteBuffer buffer;

  public BinaryWriter(int initialCapacity) {
    buffer = ByteBuffer.allocate(initialCapacity);
  }

  public BinaryWriter putByte(int value) {
    room(1).put((byte) value);
    return this;
  }

  public BinaryWriter putBoolean(boolean value) {
    return putByte(value ? 1 : 0);
  }

  public BinaryWriter putInt(int value) {
    room(Integer.BYTES).putInt(value);
    return this;
  }

  public BinaryWriter putLong(long value) {
    room(Long.BYTES).putLong(value);
    return this;
  }

  public BinaryWriter putInstant(Instant value) {
    return putLong(value.getEpochSecond()).putInt(value.getNano());
  }

  public BinaryWriter putString(String value) {
    return putBytes(value.getBytes(UTF_8));
  }

  public BinaryWriter putStrings(List<String> values) {
    putInt(values.size());
    values.forEach(this::putString);
    return this;
  }

  public BinaryWriter putBytes(byte[] value) {
    room(Integer.BYTES + value.length).putInt(value.length).put(value);
    return this;
  }

  public BinaryWriter putInts(int[] values) {
    room(Integer.BYTES + Integer.BYTES * values.length).putInt(values.length);
    buffer.asIntBuffer().put(values);
    buffer.position(buffer.position() + Integer.BYTES * values.length);
    return this;
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  private ByteBuffer room(int bytes) {
    if (buffer.remaining() < bytes) {
      int capacity = Math.max(buffer.capacity() * 2, buffer.position() + bytes);
      buffer = ByteBuffer.wrap(Arrays.copyOf(buffer.array(), capacity)).position(buffer.position());
    }
    return buffer;
  }
}

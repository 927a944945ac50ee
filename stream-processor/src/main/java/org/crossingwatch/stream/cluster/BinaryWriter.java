package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one {@link ClusterSerdes} value into a heap {@link ByteBuffer} that grows as needed:
 * big-endian numbers, strings as a length and UTF-8, arrays as a length and their elements in one
 * bulk copy. Not thread-safe; one writer per value.
 */
final class BinaryWriter {
  private ByteBuffer buffer;

  BinaryWriter(int initialCapacity) {
    buffer = ByteBuffer.allocate(initialCapacity);
  }

  BinaryWriter putByte(int value) {
    room(1).put((byte) value);
    return this;
  }

  BinaryWriter putBoolean(boolean value) {
    return putByte(value ? 1 : 0);
  }

  BinaryWriter putInt(int value) {
    room(Integer.BYTES).putInt(value);
    return this;
  }

  BinaryWriter putLong(long value) {
    room(Long.BYTES).putLong(value);
    return this;
  }

  BinaryWriter putString(String value) {
    return putBytes(value.getBytes(UTF_8));
  }

  BinaryWriter putStrings(List<String> values) {
    putInt(values.size());
    values.forEach(this::putString);
    return this;
  }

  BinaryWriter putBytes(byte[] value) {
    room(Integer.BYTES + value.length).putInt(value.length).put(value);
    return this;
  }

  BinaryWriter putInts(int[] values) {
    room(Integer.BYTES + Integer.BYTES * values.length).putInt(values.length);
    buffer.asIntBuffer().put(values);
    buffer.position(buffer.position() + Integer.BYTES * values.length);
    return this;
  }

  /** The bytes written so far. */
  byte[] toByteArray() {
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

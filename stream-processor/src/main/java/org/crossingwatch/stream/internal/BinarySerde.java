package org.crossingwatch.stream.internal;

import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A serde for one internal type: a format byte, then what the type's writer puts in a {@link
 * BinaryWriter}. A value that starts with another format byte (written by another version) or does
 * not read fails with a {@link SerializationException} naming the type, which sends a repartition
 * record to the dead-letter topic. Null stays null.
 */
public final class BinarySerde {
  private BinarySerde() {}

  /** Writes one value's fields. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(T value, BinaryWriter out);
  }

  /** Reads one value's fields, in the order its writer wrote them. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(BinaryReader in);
  }

  /**
   * The serde of {@code type} in {@code format}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static <T> Serde<T> of(String type, byte format, Writer<T> writer, Reader<T> reader) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(writer, "writer must not be null");
    Objects.requireNonNull(reader, "reader must not be null");
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          BinaryWriter out = new BinaryWriter(256);
          writer.write(value, out.putByte(format));
          return out.toByteArray();
        },
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          byte found = data.length == 0 ? -1 : data[0];
          if (found != format) {
            throw new SerializationException(
                "Unreadable "
                    + type
                    + ": format byte "
                    + found
                    + ", expected "
                    + format
                    + " (written by another version?)");
          }
          try {
            BinaryReader in = new BinaryReader(data);
            in.getByte();
            return reader.read(in);
          } catch (RuntimeException e) {
            throw new SerializationException("Unreadable " + type + ": " + e, e);
          }
        });
  }
}

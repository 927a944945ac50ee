package org.crossingwatch.model;

import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} for one record type, using {@link Json}. Deserialization failures surface
 * as {@link SerializationException} with the reason from {@link Json#read(byte[], Class)}, so Kafka
 * Streams' deserialization handler can route the record to the dead-letter topic.
 *
 * @param <T> the record type
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
  private final Class<T> type;

  private JsonSerde(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The serde for {@code type}. */
  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  @Override
  public byte[] serialize(String topic, T value) {
    return value == null
        ? null
        : Json.write(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return Json.read(data, type);
    } catch (InvalidJsonException e) {
      throw new SerializationException(e.getMessage(), e);
    }
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // Nothing to configure: the mapping is fixed by Json.
  }

  @Override
  public void close() {
    // Holds no resources.
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }
}

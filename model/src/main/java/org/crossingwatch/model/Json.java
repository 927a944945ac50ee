package org.crossingwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping every module uses: ISO-8601 instants, {@code Optional} as value-or-absent,
 * unknown fields ignored (newer writers may add fields), missing required fields rejected by the
 * records themselves.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_ABSENT)
          .build();

  private Json() {}

  /** The shared, thread-safe mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Compact JSON for a value. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one value, turning Jackson's errors into a {@link InvalidJsonException} whose message
   * names the type and what is wrong (for example {@code missing required field 'text' in Post}).
   */
  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidJsonException(
          "Invalid " + type.getSimpleName() + " JSON: " + cause.getMessage(), e);
    } catch (JsonMappingException e) {
      throw new InvalidJsonException(
          "Invalid " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidJsonException(
          "Undecodable " + type.getSimpleName() + " JSON: " + firstLine(e.getMessage()), e);
    }
  }

  /** As {@link #read(byte[], Class)} for a string. */
  public static <T> T read(String json, Class<T> type) {
    return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

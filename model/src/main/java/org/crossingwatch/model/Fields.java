package org.crossingwatch.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Guards shared by the records' compact constructors; messages name the record and the field. */
final class Fields {
  private Fields() {}

  static <T> T required(T value, String record, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing required field '" + field + "' in " + record);
    }
    return value;
  }

  static String requiredText(String value, String record, String field) {
    required(value, record, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "field '" + field + "' in " + record + " must not be blank");
    }
    return value;
  }

  static <T> Optional<T> optional(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  /**
   * An unmodifiable copy in the given map's iteration order, so JSON written from a record is the
   * same on every run ({@code Map.copyOf} iterates in an order that changes from one JVM to the
   * next). Null keys and values are rejected, as by {@code Map.copyOf}.
   */
  static <K, V> Map<K, V> map(Map<K, V> value) {
    if (value == null || value.isEmpty()) {
      return Map.of();
    }
    Map<K, V> copy = new LinkedHashMap<>();
    value.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, "map key must not be null"),
                Objects.requireNonNull(v, () -> "map value for key '" + k + "' must not be null")));
    return Collections.unmodifiableMap(copy);
  }

  static int schemaVersion(int value) {
    return value <= 0 ? SchemaVersion.CURRENT : value;
  }
}

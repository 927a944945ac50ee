package org.crossingwatch.model;

import java.util.List;
import java.util.Map;
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

  static <K, V> Map<K, V> map(Map<K, V> value) {
    return value == null ? Map.of() : Map.copyOf(value);
  }

  static int schemaVersion(int value) {
    return value <= 0 ? SchemaVersion.CURRENT : value;
  }
}

package org.crossingwatch.delivery.internal;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crossingwatch.delivery.ConfigLocation;
import org.crossingwatch.delivery.DeliveryConfigException;

/**
 * One node of a YAML document with the place it was written: a mapping, a sequence or a scalar.
 * Every accessor that finds the wrong shape throws {@link DeliveryConfigException} at this node's
 * location, so configuration readers never lose the line and column.
 */
public final class YamlNode {
  /** The shape of a node. */
  public enum Kind {
    MAPPING,
    SEQUENCE,
    SCALAR,
    NULL
  }

  private final Kind kind;
  private final ConfigLocation location;
  private final String scalar;
  private final Map<String, YamlNode> fields;
  private final List<YamlNode> elements;

  private YamlNode(
      Kind kind,
      ConfigLocation location,
      String scalar,
      Map<String, YamlNode> fields,
      List<YamlNode> elements) {
    this.kind = kind;
    this.location = requireNonNull(location, "location");
    this.scalar = scalar;
    this.fields = fields;
    this.elements = elements;
  }

  static YamlNode scalar(ConfigLocation location, String text) {
    return new YamlNode(Kind.SCALAR, location, text, Map.of(), List.of());
  }

  static YamlNode nullNode(ConfigLocation location) {
    return new YamlNode(Kind.NULL, location, null, Map.of(), List.of());
  }

  static YamlNode mapping(ConfigLocation location, LinkedHashMap<String, YamlNode> fields) {
    return new YamlNode(
        Kind.MAPPING, location, null, Collections.unmodifiableMap(fields), List.of());
  }

  static YamlNode sequence(ConfigLocation location, List<YamlNode> elements) {
    return new YamlNode(Kind.SEQUENCE, location, null, Map.of(), List.copyOf(elements));
  }

  /** The node's shape. */
  public Kind kind() {
    return kind;
  }

  /** Where the node starts. */
  public ConfigLocation location() {
    return location;
  }

  /** A mistake at this node. */
  public DeliveryConfigException error(String problem) {
    return new DeliveryConfigException(location, problem);
  }

  /**
   * The fields of a mapping, in file order.
   *
   * @param what what the mapping is, for the error message ({@code "sink 'duty'"})
   * @param allowed the field names this mapping may have
   * @throws DeliveryConfigException if this is not a mapping or has a field not in {@code allowed}
   */
  public Map<String, YamlNode> fields(String what, Set<String> allowed) {
    for (Map.Entry<String, YamlNode> field : fields(what).entrySet()) {
      if (!allowed.contains(field.getKey())) {
        throw field
            .getValue()
            .error(
                "unknown field '"
                    + field.getKey()
                    + "' in "
                    + what
                    + "; allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return fields;
  }

  /**
   * The fields of a mapping whose keys are names chosen by the user (such as sink names).
   *
   * @throws DeliveryConfigException if this is not a mapping
   */
  public Map<String, YamlNode> fields(String what) {
    if (kind != Kind.MAPPING) {
      throw error(what + " must be a mapping, was " + describe());
    }
    return fields;
  }

  /** The elements of a sequence; a null node reads as empty. */
  public List<YamlNode> elements(String what) {
    if (kind == Kind.NULL) {
      return List.of();
    }
    if (kind != Kind.SEQUENCE) {
      throw error(what + " must be a list, was " + describe());
    }
    return elements;
  }

  /** The text of a non-empty scalar. */
  public String text(String what) {
    if (kind != Kind.SCALAR || scalar.isBlank()) {
      throw error(what + " must be a non-empty text, was " + describe());
    }
    return scalar;
  }

  /** The value of a field of a mapping returned by {@link #fields}, if present and not null. */
  public static Optional<YamlNode> optional(Map<String, YamlNode> fields, String name) {
    YamlNode node = fields.get(name);
    return node == null || node.kind == Kind.NULL ? Optional.empty() : Optional.of(node);
  }

  /** The value of a required field of a mapping returned by {@link #fields}. */
  public YamlNode required(Map<String, YamlNode> fields, String name, String what) {
    return optional(fields, name)
        .orElseThrow(() -> error("missing required field '" + name + "' in " + what));
  }

  private String describe() {
    return switch (kind) {
      case MAPPING -> "a mapping";
      case SEQUENCE -> "a list";
      case NULL -> "empty";
      case SCALAR -> "'" + scalar + "'";
    };
  }
}

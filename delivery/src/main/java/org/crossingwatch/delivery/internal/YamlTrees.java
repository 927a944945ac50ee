package org.crossingwatch.delivery.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.crossingwatch.delivery.ConfigLocation;
import org.crossingwatch.delivery.DeliveryConfigException;

/** Reads YAML text into a {@link YamlNode} tree that remembers each node's line and column. */
public final class YamlTrees {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlTrees() {}

  /**
   * Parses one YAML document.
   *
   * @param source the file name, used in locations
   * @param text the YAML text
   * @throws DeliveryConfigException for malformed YAML, an empty document or a duplicate key
   */
  public static YamlNode parse(String source, String text) {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new DeliveryConfigException(
            new ConfigLocation(source, 1, 1), "the configuration is empty");
      }
      return read(source, parser);
    } catch (JsonProcessingException e) {
      throw new DeliveryConfigException(
          locationOf(source, e.getLocation()), "malformed YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static YamlNode read(String source, JsonParser parser) throws IOException {
    ConfigLocation here = locationOf(source, parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        LinkedHashMap<String, YamlNode> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          ConfigLocation keyAt = locationOf(source, parser.currentTokenLocation());
          parser.nextToken();
          if (fields.put(name, read(source, parser)) != null) {
            throw new DeliveryConfigException(keyAt, "duplicate key '" + name + "'");
          }
        }
        return YamlNode.mapping(here, fields);
      }
      case START_ARRAY -> {
        List<YamlNode> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(read(source, parser));
        }
        return YamlNode.sequence(here, elements);
      }
      case VALUE_NULL -> {
        return YamlNode.nullNode(here);
      }
      default -> {
        return YamlNode.scalar(here, parser.getText());
      }
    }
  }

  private static ConfigLocation locationOf(String source, JsonLocation location) {
    if (location == null) {
      return new ConfigLocation(source, 1, 1);
    }
    return new ConfigLocation(
        source, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }
}

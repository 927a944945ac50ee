package org.crossingwatch.collectors.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A YAML document as a tree, plus the line and column where each node (by JSON pointer) starts. */
final class LocatedYaml {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

  final JsonNode root;
  private final Map<String, JsonLocation> locations;

  private LocatedYaml(JsonNode root, Map<String, JsonLocation> locations) {
    this.root = root;
    this.locations = locations;
  }

  static LocatedYaml parse(String yaml) throws IOException {
    JsonNode root = MAPPER.readTree(yaml);
    Map<String, JsonLocation> locations = new HashMap<>();
    try (JsonParser p = YAML.createParser(yaml)) {
      // Each frame: the pointer of a container and, for arrays, the next index.
      Deque<String> paths = new ArrayDeque<>();
      Deque<int[]> indexes = new ArrayDeque<>();
      String field = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          field = p.currentName();
          locations.put(paths.peek() + "/" + escape(field), p.currentTokenLocation());
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          paths.pop();
          indexes.pop();
          continue;
        }
        String path;
        if (paths.isEmpty()) {
          path = "";
        } else if (indexes.peek()[0] >= 0) {
          path = paths.peek() + "/" + indexes.peek()[0]++;
          locations.put(path, p.currentTokenLocation());
        } else {
          path = paths.peek() + "/" + escape(field);
          // Values point at themselves; the key's location stays for the key.
          locations.put(path + "#value", p.currentTokenLocation());
        }
        if (t == JsonToken.START_OBJECT) {
          paths.push(path);
          indexes.push(new int[] {-1});
        } else if (t == JsonToken.START_ARRAY) {
          paths.push(path);
          indexes.push(new int[] {0});
        }
      }
    }
    return new LocatedYaml(root, locations);
  }

  /**
   * {@code line:column} of the node at {@code pointer} (its value if known), else of its parent.
   */
  String where(String pointer) {
    String p = pointer;
    while (true) {
      JsonLocation l = locations.getOrDefault(p + "#value", locations.get(p));
      if (l != null) {
        return l.getLineNr() + ":" + l.getColumnNr();
      }
      if (p.isEmpty()) {
        return "1:1";
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  private static String escape(String field) {
    return field.replace("~", "~0").replace("/", "~1");
  }
}

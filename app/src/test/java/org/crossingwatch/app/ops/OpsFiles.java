package org.crossingwatch.app.ops;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The checkout's operations files (dashboards, Prometheus, deployment) and how to read them. */
final class OpsFiles {
  static final Path PROJECT = findProjectRoot();
  static final Path DASHBOARDS = PROJECT.resolve("grafana/dashboards");
  static final Path PROVISIONING = PROJECT.resolve("grafana/provisioning");
  static final Path PROMETHEUS = PROJECT.resolve("deploy/prometheus");
  static final Path ALERTS = PROMETHEUS.resolve("alerts.yml");
  static final Path KUBERNETES = PROJECT.resolve("deploy/kubernetes");
  static final Path COMPOSE = PROJECT.resolve("deploy/compose.yaml");
  static final Path CATALOGUE = PROJECT.resolve("docs/metrics.md");

  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OpsFiles() {}

  /** Every dashboard JSON file, sorted by name. */
  static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(Files.readString(file, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(Files.readString(file, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Every document of a multi-document YAML file, in order. */
  static List<JsonNode> yamlDocuments(Path file) {
    try (var parser = YAML.getFactory().createParser(Files.readString(file, UTF_8))) {
      List<JsonNode> documents = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
      return documents.stream().filter(d -> d != null && !d.isNull() && !d.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Every PromQL expression of every dashboard panel and every alert rule. */
  static List<PromQuery> queries() {
    List<PromQuery> queries = new ArrayList<>();
    for (Path dashboard : dashboards()) {
      for (JsonNode panel : json(dashboard).path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          queries.add(
              new PromQuery(
                  dashboard.getFileName().toString(),
                  panel.path("title").asText(),
                  target.path("expr").asText()));
        }
      }
    }
    for (JsonNode group : yaml(ALERTS).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        queries.add(
            new PromQuery(
                "deploy/prometheus/alerts.yml",
                rule.path("alert").asText(),
                rule.path("expr").asText()));
      }
    }
    return queries;
  }

  private static Path findProjectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("grafana"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No grafana/ folder above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}

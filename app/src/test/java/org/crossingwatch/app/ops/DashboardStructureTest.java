package org.crossingwatch.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboards' structure against the provisioning and the metrics catalogue. */
class DashboardStructureTest {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");
  private static final Set<String> BUILT_IN =
      Set.of("__rate_interval", "__interval", "__range", "__all");

  @Test
  void theFourDashboardsAreProvisionedFromTheFolderTheProviderReads() {
    assertThat(OpsFiles.dashboards())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("collectors.json", "detection.json", "jvm-kafka.json", "pipeline.json");
    JsonNode provider =
        OpsFiles.yaml(OpsFiles.PROVISIONING.resolve("dashboards/crossingwatch.yaml"))
            .path("providers")
            .get(0);
    assertThat(provider.path("type").asText()).isEqualTo("file");
    assertThat(provider.path("options").path("path").asText())
        .isEqualTo("/var/lib/grafana/dashboards/crossingwatch");
    assertThat(OpsFiles.yaml(OpsFiles.COMPOSE).path("services").path("grafana").path("volumes"))
        .extracting(JsonNode::asText)
        .contains(
            "../grafana/dashboards:/var/lib/grafana/dashboards/crossingwatch:ro",
            "../grafana/provisioning:/etc/grafana/provisioning:ro");
  }

  @Test
  void everyDashboardHasAUniqueUidTitleAndTheInstanceVariable() {
    Set<String> uids = new HashSet<>();
    for (Path file : OpsFiles.dashboards()) {
      JsonNode dashboard = OpsFiles.json(file);
      assertThat(uids.add(dashboard.path("uid").asText())).as(file + " uid").isTrue();
      assertThat(dashboard.path("title").asText())
          .as(file + " title")
          .startsWith("CrossingWatch / ");
      assertThat(variableNames(dashboard)).as(file + " variables").contains("instance");
    }
  }

  @Test
  void panelsHaveUniqueIdsTitlesDescriptionsUnitsAndThresholds() {
    for (Path file : OpsFiles.dashboards()) {
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : OpsFiles.json(file).path("panels")) {
        String where =
            file.getFileName() + " panel " + panel.path("id") + " " + panel.path("title");
        assertThat(ids.add(panel.path("id").asInt())).as(where + ": duplicate id").isTrue();
        assertThat(panel.path("title").asText()).as(where + ": title").isNotBlank();
        assertThat(panel.path("description").asText()).as(where + ": description").isNotBlank();
        JsonNode defaults = panel.path("fieldConfig").path("defaults");
        assertThat(defaults.path("unit").asText()).as(where + ": unit").isNotBlank();
        assertThat(defaults.path("thresholds").path("steps"))
            .as(where + ": thresholds")
            .isNotEmpty();
        assertThat(panel.path("targets")).as(where + ": queries").isNotEmpty();
      }
    }
  }

  @Test
  void everyDatasourceReferenceIsTheProvisionedPrometheus() {
    Set<String> provisioned = new HashSet<>();
    OpsFiles.yaml(OpsFiles.PROVISIONING.resolve("datasources/prometheus.yaml"))
        .path("datasources")
        .forEach(ds -> provisioned.add(ds.path("type").asText() + "/" + ds.path("uid").asText()));
    assertThat(provisioned).containsExactly("prometheus/prometheus");

    for (Path file : OpsFiles.dashboards()) {
      List<JsonNode> references = new ArrayList<>();
      collectDatasources(OpsFiles.json(file), references);
      assertThat(references).as(file.toString()).isNotEmpty();
      assertThat(references)
          .as(file.toString())
          .allSatisfy(
              ds ->
                  assertThat(provisioned)
                      .contains(ds.path("type").asText() + "/" + ds.path("uid").asText()));
    }
  }

  @Test
  void everyVariableUsedIsDefined() {
    for (Path file : OpsFiles.dashboards()) {
      JsonNode dashboard = OpsFiles.json(file);
      Set<String> defined = variableNames(dashboard);
      Matcher m =
          VARIABLE.matcher(dashboard.path("panels").toString() + dashboard.path("templating"));
      while (m.find()) {
        String name = m.group(1);
        assertThat(BUILT_IN.contains(name) || defined.contains(name))
            .as(file.getFileName() + " uses $" + name + " but defines only " + defined)
            .isTrue();
      }
    }
  }

  @Test
  void everyMetricNamedByADashboardOrAlertRuleIsCatalogued() {
    MetricsCatalogue catalogue = MetricsCatalogue.load(OpsFiles.CATALOGUE);
    List<PromQuery> queries = OpsFiles.queries();

    assertThat(queries).hasSizeGreaterThan(40);
    assertThat(queries)
        .allSatisfy(
            query -> {
              assertThat(query.metricNames()).as(query.toString()).isNotEmpty();
              assertThat(query.metricNames())
                  .allSatisfy(
                      name ->
                          assertThat(catalogue.find(name))
                              .as(query + "\n  names " + name + ", not in docs/metrics.md")
                              .isPresent());
            });
  }

  @Test
  void metricNamesAreFoundOutsideLabelsStringsAndFunctions() {
    PromQuery query =
        new PromQuery(
            "pipeline.json",
            "Ingest rate by platform",
            "sum by (platform) (label_replace(rate(crossingwatch_collector_posts_published_total"
                + "{instance=~\"$instance\"}[$__rate_interval]), \"platform\", \"$1\", \"source\","
                + " \"([^:]+):.*\")) / 1e9 > bool 0.5 and on (instance) up");

    assertThat(query.metricNames())
        .containsExactly("crossingwatch_collector_posts_published_total", "up");
    assertThat(query.executable()).contains("{instance=~\".*\"}[30s]");
  }

  private static Set<String> variableNames(JsonNode dashboard) {
    Set<String> names = new HashSet<>();
    dashboard.path("templating").path("list").forEach(v -> names.add(v.path("name").asText()));
    return names;
  }

  private static void collectDatasources(JsonNode node, List<JsonNode> found) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (field.getKey().equals("datasource")) {
                  found.add(field.getValue());
                } else {
                  collectDatasources(field.getValue(), found);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectDatasources(child, found));
    }
  }
}

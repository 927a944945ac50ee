package org.crossingwatch.app.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.app.run.AllInOne;
import org.crossingwatch.app.run.RunSettings;
import org.crossingwatch.classifier.ClassifierSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PromQL expression of the dashboards and alert rules, run with {@code promtool query
 * instant} against a real Prometheus (Debian's {@code prometheus}) that scrapes {@code
 * crossingwatch run} after it replayed the bundled samples, delivered the alerts to a webhook on
 * 127.0.0.1 and took one officer's decision ({@link OfficerAndWebhook}). An expression must parse,
 * and must return series when every metric it names is one the replay produces (docs/metrics.md,
 * column replay).
 */
class PrometheusQueriesTest {
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.*),\\s*([a-zA-Z_]+)\\)");
  private static final Pattern TRAILING_COMPARISON =
      Pattern.compile("\\s*(==|!=|>=|<=|>|<)\\s*[-+0-9.eE]+\\s*$");

  @TempDir static Path dir;
  private static final StringWriter OUT = new StringWriter();
  private static AllInOne app;
  private static OfficerAndWebhook officerAndWebhook;
  private static Process prometheus;
  private static String prometheusUrl;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final MetricsCatalogue CATALOGUE = MetricsCatalogue.load(OpsFiles.CATALOGUE);

  @BeforeAll
  static void replaySamplesAndScrapeThem() throws Exception {
    Tools.require("promtool");
    Path samples = OpsFiles.PROJECT.resolve("samples/posts.jsonl");
    long posts = Files.readAllLines(samples, UTF_8).stream().filter(l -> !l.isBlank()).count();
    officerAndWebhook = OfficerAndWebhook.prepare(dir.resolve("app"), dir);
    app =
        AllInOne.start(
            new RunSettings(
                dir.resolve("app"),
                Optional.empty(),
                OpsFiles.PROJECT.resolve("rules"),
                samples,
                false,
                "127.0.0.1",
                0,
                3,
                ClassifierSettings.defaults(),
                Optional.empty(),
                Optional.of(officerAndWebhook.deliveryConfig())),
            new PrintWriter(OUT, true));
    assertThat(app.collector().awaitTermination(Duration.ofSeconds(60))).isTrue();
    // The console's view fills from cw.alerts: wait for an alert to decide on, and a delivery.
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(() -> officerAndWebhook.confirmNewestAlert(app.httpPort()));
    await().atMost(Duration.ofSeconds(60)).until(() -> !officerAndWebhook.deliveries().isEmpty());

    int port = freePort();
    prometheusUrl = "http://127.0.0.1:" + port;
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global: {scrape_interval: 1s, evaluation_interval: 1s}",
            "rule_files: ['" + OpsFiles.ALERTS + "']",
            "scrape_configs:",
            "  - job_name: crossingwatch-run",
            "    static_configs: [{targets: ['127.0.0.1:" + app.httpPort() + "']}]",
            ""),
        UTF_8);
    prometheus =
        new ProcessBuilder(
                Tools.require("prometheus").toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();

    // Every post scored, the decision and a delivery seen by Prometheus, and a few more scrapes so
    // that rate() has samples. Prometheus refuses connections until it listens.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(UncheckedIOException.class)
        .untilAsserted(
            () ->
                assertThat(
                        values(
                            "count_over_time(crossingwatch_pipeline_posts_scored_total[1m])"
                                + " >= 4 and crossingwatch_pipeline_posts_scored_total == "
                                + posts
                                + " and on(instance)"
                                + " crossingwatch_console_decisions_total{outcome=\"confirmed\"}"
                                + " == 1 and on(instance) sum by (instance)"
                                + " (crossingwatch_delivery_messages_total{result=\"sent\"}) > 0"))
                    .as(prometheusLog())
                    .hasSize(1));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (app != null) {
      app.close();
    }
    if (officerAndWebhook != null) {
      officerAndWebhook.close();
    }
  }

  @Test
  void everyDashboardAndAlertExpressionParsesAndReturnsDataWhereTheReplayHasIt() {
    List<String> problems = new ArrayList<>();
    for (PromQuery query : OpsFiles.queries()) {
      Tools.Result result =
          Tools.run(
              dir, "promtool", "query", "instant", "-o", "json", prometheusUrl, query.executable());
      if (result.exitCode() != 0) {
        problems.add(query + "\n    error: " + result.output().strip());
      } else if (mustReturnData(query)) {
        boolean alert = query.file().endsWith("alerts.yml");
        if (!alert && seriesIn(result.output()) == 0) {
          problems.add(query + "\n    returned no series");
        }
        if (alert) {
          alertSignals(query.executable()).stream()
              .filter(signal -> values(signal).isEmpty())
              .forEach(signal -> problems.add(query + "\n    no series for: " + signal));
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void everyDashboardVariableQueryReturnsValues() {
    List<String> problems = new ArrayList<>();
    for (Path dashboard : OpsFiles.dashboards()) {
      for (JsonNode variable : OpsFiles.json(dashboard).path("templating").path("list")) {
        Matcher m = LABEL_VALUES.matcher(variable.path("definition").asText());
        assertThat(m.matches()).as(dashboard + " variable " + variable.path("name")).isTrue();
        String expr =
            new PromQuery(dashboard.toString(), "$" + variable.path("name").asText(), m.group(1))
                .executable();
        List<JsonNode> series = values(expr);
        if (series.isEmpty() || series.stream().noneMatch(s -> s.path("metric").has(m.group(2)))) {
          problems.add(
              dashboard.getFileName() + " $" + variable.path("name").asText() + ": " + expr);
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void everyCrossingWatchMetricServedIsInTheCatalogue() {
    List<String> served =
        values("group by (__name__) ({__name__=~\"crossingwatch_.+\"})").stream()
            .map(s -> s.path("metric").path("__name__").asText())
            .toList();

    assertThat(served).isNotEmpty();
    assertThat(served)
        .allSatisfy(
            name ->
                assertThat(CATALOGUE.find(name))
                    .as(name + " is served but missing from docs/metrics.md")
                    .isPresent());
  }

  @Test
  void everyLiveCatalogueMetricOfTheReplayIsServed() {
    assertThat(CATALOGUE.entries().stream().filter(e -> e.live() && e.inReplay()))
        .isNotEmpty()
        .allSatisfy(
            entry -> {
              String selector =
                  entry.type().equals("timer") || entry.type().equals("histogram")
                      ? entry.name() + "_count"
                      : entry.name();
              assertThat(values(selector))
                  .as(entry.name() + " is catalogued as served after the replay")
                  .isNotEmpty();
            });
  }

  /**
   * An alert's expression returns nothing while all is well, so each side of a top-level {@code
   * and} is run without its final comparison: what the rule watches must exist.
   */
  private static List<String> alertSignals(String expr) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (depth == 0
          && expr.startsWith(" and", i)
          && i + 4 < expr.length()
          && Character.isWhitespace(expr.charAt(i + 4))) {
        parts.add(expr.substring(start, i));
        start = i + 4;
      } else if (depth == 0 && expr.startsWith("\nand", i)) {
        parts.add(expr.substring(start, i));
        start = i + 4;
      }
    }
    parts.add(expr.substring(start));
    List<String> signals = new ArrayList<>();
    for (String part : parts) {
      signals.add(TRAILING_COMPARISON.matcher(part.strip()).replaceAll(""));
    }
    return signals;
  }

  /** Whether every metric the query names is served after the replay. */
  private static boolean mustReturnData(PromQuery query) {
    return query.metricNames().stream()
        .allMatch(name -> CATALOGUE.find(name).map(MetricsCatalogue.Entry::inReplay).orElse(false));
  }

  /** The series {@code expr} returns, through the HTTP API (cheaper than a promtool process). */
  private static List<JsonNode> values(String expr) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(expr, UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString(UTF_8));
      JsonNode body = OpsFiles.JSON.readTree(response.body());
      assertThat(body.path("status").asText())
          .as(expr + ": " + response.body())
          .isEqualTo("success");
      List<JsonNode> series = new ArrayList<>();
      body.path("data").path("result").forEach(series::add);
      return series;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted querying " + expr, e);
    }
  }

  private static int seriesIn(String promtoolJson) {
    try {
      return promtoolJson.isBlank() ? 0 : OpsFiles.JSON.readTree(promtoolJson).size();
    } catch (IOException e) {
      throw new UncheckedIOException("promtool printed no JSON: " + promtoolJson, e);
    }
  }

  private static String prometheusLog() {
    try {
      Path log = dir.resolve("prometheus.log");
      return Files.exists(log) ? Files.readString(log, UTF_8) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package org.crossingwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConsoleServerTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void healthAnswersUpWithoutAnyCheck() {
    JavalinTest.test(
        ConsoleServer.create(registry, List.of()),
        (server, client) -> {
          var response = client.get("/health");
          assertThat(response.code()).isEqualTo(200);
          assertThat(response.body().string()).isEqualTo("{\"status\":\"UP\"}");
        });
  }

  @Test
  void readyIs503AndNamesTheFailingCheckUntilItPasses() {
    AtomicBoolean rulesLoaded = new AtomicBoolean(false);
    List<ReadinessCheck> checks =
        List.of(
            new ReadinessCheck("broker", () -> true),
            new ReadinessCheck("rules", rulesLoaded::get),
            new ReadinessCheck(
                "throws",
                () -> {
                  throw new IllegalStateException("probe failed");
                }));
    JavalinTest.test(
        ConsoleServer.create(registry, checks),
        (server, client) -> {
          var before = client.get("/ready");
          assertThat(before.code()).isEqualTo(503);
          assertThat(before.body().string())
              .isEqualTo(
                  "{\"status\":\"DOWN\",\"checks\":{\"broker\":\"UP\",\"rules\":\"DOWN\","
                      + "\"throws\":\"DOWN\"}}");
        });
    JavalinTest.test(
        ConsoleServer.create(registry, checks.subList(0, 2)),
        (server, client) -> {
          rulesLoaded.set(true);
          var after = client.get("/ready");
          assertThat(after.code()).isEqualTo(200);
          assertThat(after.body().string())
              .isEqualTo("{\"status\":\"UP\",\"checks\":{\"broker\":\"UP\",\"rules\":\"UP\"}}");
        });
  }

  @Test
  void metricsRendersTheRegistryInPrometheusTextFormat() {
    registry.counter("crossingwatch.pipeline.posts.scored").increment(3);
    JavalinTest.test(
        ConsoleServer.create(registry, List.of()),
        (server, client) -> {
          var response = client.get("/metrics");
          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
          assertThat(response.body().string())
              .contains("crossingwatch_pipeline_posts_scored_total 3.0");
        });
  }

  @Test
  void unknownPathIs404() {
    JavalinTest.test(
        ConsoleServer.create(registry, List.of()),
        (server, client) -> assertThat(client.get("/alerts").code()).isEqualTo(404));
  }
}

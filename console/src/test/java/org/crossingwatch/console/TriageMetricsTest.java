package org.crossingwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageMetricsTest {
  @TempDir Path dir;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private Fixtures fx;
  private Javalin app;

  @BeforeEach
  void setUp() {
    fx = new Fixtures(dir);
    fx.add(
        Fixtures.alert(
            "boats_ly",
            "1",
            "رحلات مضمونة إلى إيطاليا\nاتصل +218 91 234 5678",
            0.93,
            List.of("ar"),
            "boat",
            Fixtures.T0));
    fx.add(
        Fixtures.alert(
            "papers_eu",
            "2",
            "Faux passeports, livraison rapide, WhatsApp 0090 532 123 45 67",
            0.71,
            List.of("fr"),
            "documents",
            Fixtures.T0.plusSeconds(600)));
    app = fx.server(ConsoleSettings.defaults(dir), registry);
  }

  @Test
  void everyOutcomeIsServedAsZeroBeforeAnyDecision() {
    JavalinTest.test(
        app,
        (server, client) ->
            assertThat(decisionLines(client.get("/metrics").body().string()))
                .containsExactly(
                    "crossingwatch_console_decisions_total{outcome=\"confirmed\"} 0.0",
                    "crossingwatch_console_decisions_total{outcome=\"escalated\"} 0.0",
                    "crossingwatch_console_decisions_total{outcome=\"false_positive\"} 0.0"));
  }

  @Test
  void recordedDecisionsAreCountedByOutcomeAndRefusedOnesAreNot() {
    String boat = fx.store.feed(FeedFilterFor.channel("boats_ly")).get(0).id();
    String papers = fx.store.feed(FeedFilterFor.channel("papers_eu")).get(0).id();
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          officer.post("/api/alerts/" + boat + "/decisions", "{\"outcome\":\"confirmed\"}").close();
          officer
              .post("/api/alerts/" + papers + "/decisions", "{\"outcome\":\"false-positive\"}")
              .close();
          officer
              .post("/api/alerts/" + papers + "/decisions", "{\"outcome\":\"confirmed\"}")
              .close();
          assertThat(
                  officer
                      .post("/api/alerts/" + boat + "/decisions", "{\"outcome\":\"maybe\"}")
                      .code())
              .isEqualTo(400);
          assertThat(
                  officer
                      .post("/api/alerts/cw-0000/decisions", "{\"outcome\":\"escalated\"}")
                      .code())
              .isEqualTo(404);

          assertThat(decisionLines(client.get("/metrics").body().string()))
              .containsExactly(
                  "crossingwatch_console_decisions_total{outcome=\"confirmed\"} 2.0",
                  "crossingwatch_console_decisions_total{outcome=\"escalated\"} 0.0",
                  "crossingwatch_console_decisions_total{outcome=\"false_positive\"} 1.0");
          assertThat(fx.decisions).hasSize(3);
        });
  }

  private static List<String> decisionLines(String metrics) {
    return metrics
        .lines()
        .filter(line -> line.startsWith("crossingwatch_console_decisions_total{"))
        .sorted()
        .toList();
  }
}

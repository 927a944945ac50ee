package org.crossingwatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.console.ApiClient.body;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesApiTest {
  @TempDir Path dir;
  private Fixtures fx;
  private Javalin app;
  private Alert boat;

  @BeforeEach
  void setUp() {
    fx = new Fixtures(dir);
    boat =
        Fixtures.alert(
            "boats_ly", "1", "رحلات مضمونة إلى إيطاليا", 0.93, List.of("ar"), "boat", Fixtures.T0);
    fx.add(boat);
    fx.add(
        Fixtures.alert(
            "papers_eu",
            "2",
            "Паспорт <b>ЕС</b> & визы",
            0.71,
            List.of("ru"),
            "documents",
            Fixtures.T0.plusSeconds(600)));
    fx.store.decide(
        new Decision(
            0,
            boat.alertId(),
            Decision.Outcome.FALSE_POSITIVE,
            "olga",
            Optional.empty(),
            Fixtures.T0.plusSeconds(60)));
    app = fx.server(ConsoleSettings.defaults(dir));
  }

  @Test
  void analystGetsPerRuleStatsSortedByPrecisionAndTheViewIsAudited() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient anna = ApiClient.login(client, "anna");
          String json = body(anna.get("/api/rules/stats?days=1&order=precision"));

          assertThat(json)
              .isEqualTo(
                  "{\"since\":\"2025-05-31T09:00:01Z\",\"until\":\"2025-06-01T09:00:01Z\","
                      + "\"order\":\"precision\",\"rules\":["
                      + "{\"rule\":\"boat-rule\",\"hits\":1,\"alerts\":1,\"confirmed\":0,"
                      + "\"escalated\":0,\"falsePositives\":1,\"precision\":0.0},"
                      + "{\"rule\":\"documents-rule\",\"hits\":1,\"alerts\":1,\"confirmed\":0,"
                      + "\"escalated\":0,\"falsePositives\":0}]}");
          assertThat(fx.auditActions()).endsWith("anna rules.stats rules");
        });
  }

  @Test
  void exampleAlertsOfARuleCarryTheirTextAsJsonData() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient anna = ApiClient.login(client, "anna");
          String json = body(anna.get("/api/rules/documents-rule/alerts"));

          assertThat(json)
              .startsWith("{\"rule\":\"documents-rule\",\"alerts\":[{\"id\":\"cw-")
              .contains(
                  "\"status\":\"new\",\"channel\":\"telegram:papers_eu\","
                      + "\"excerpt\":\"Паспорт <b>ЕС</b> & визы\"}]}");
          assertThat(fx.auditActions()).endsWith("anna rules.examples documents-rule");
        });
  }

  @Test
  void officerIsRefusedAndABadOrderIsNamed() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient olga = ApiClient.login(client, "olga");
          assertThat(body(olga.get("/api/rules/stats")))
              .isEqualTo("{\"error\":\"Role 'officer' may not do this; it needs 'analyst'\"}");
          assertThat(body(olga.get("/rules")))
              .isEqualTo("{\"error\":\"Role 'officer' may not do this; it needs 'analyst'\"}");
          ApiClient adam = ApiClient.login(client, "adam");
          assertThat(body(adam.get("/api/rules/stats?order=newest")))
              .isEqualTo("{\"error\":\"order must be precision or volume, was 'newest'\"}");
          assertThat(body(adam.get("/rules"))).contains("<title>CrossingWatch – rules</title>");
        });
  }
}

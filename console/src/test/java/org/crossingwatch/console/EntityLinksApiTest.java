package org.crossingwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.EntityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert detail carries the pipeline's entity links, each with the search that finds it. */
class EntityLinksApiTest {
  static final Instant NOV_12 = Instant.parse("2025-11-12T09:30:00Z");
  static final Instant NOV_28 = Instant.parse("2025-11-28T21:05:00Z");

  @TempDir Path dir;
  private Fixtures fx;
  private Javalin app;

  @BeforeEach
  void setUp() {
    fx = new Fixtures(dir);
    app = fx.server(ConsoleSettings.defaults(dir));
  }

  @Test
  void alertJsonCarriesEveryLinkWithItsCountsTimesAndSearch() {
    Alert alert =
        Fixtures.alert(
                "rihla_ly",
                "11",
                "رحلة إلى لامبيدوزا، واتساب +218 91 234 5678، تلغرام @Rihla_Italia، rihla-travel.example",
                0.91,
                List.of("ar"),
                "boat",
                NOV_28)
            .withLinks(
                List.of(
                    new EntityLink("phone:+218912345678", "PHONE", 3, 2, NOV_12, NOV_28),
                    new EntityLink("handle:@rihla_italia", "HANDLE", 2, 1, NOV_12, NOV_28),
                    new EntityLink("domain:rihla-travel.example", "LINK", 2, 2, NOV_12, NOV_28),
                    new EntityLink("iban:LY83 002 048", "IBAN", 2, 2, NOV_12, NOV_28)));
    fx.add(alert);
    JavalinTest.test(
        app,
        (server, client) -> {
          JsonNode detail =
              ApiClient.login(client, "olga").getJson("/api/alerts/" + alert.alertId());
          assertThat(detail.get("entityLinks").toString())
              .isEqualTo(
                  "[{\"entity\":\"phone:+218912345678\",\"kind\":\"PHONE\","
                      + "\"value\":\"+218912345678\",\"alertCount\":3,\"channelCount\":2,"
                      + "\"firstSeen\":\"2025-11-12T09:30:00Z\",\"lastSeen\":\"2025-11-28T21:05:00Z\","
                      + "\"search\":\"/?view=search&phone=%2B218912345678\"},"
                      + "{\"entity\":\"handle:@rihla_italia\",\"kind\":\"HANDLE\","
                      + "\"value\":\"@rihla_italia\",\"alertCount\":2,\"channelCount\":1,"
                      + "\"firstSeen\":\"2025-11-12T09:30:00Z\",\"lastSeen\":\"2025-11-28T21:05:00Z\","
                      + "\"search\":\"/?view=search&handle=%40rihla_italia\"},"
                      + "{\"entity\":\"domain:rihla-travel.example\",\"kind\":\"LINK\","
                      + "\"value\":\"rihla-travel.example\",\"alertCount\":2,\"channelCount\":2,"
                      + "\"firstSeen\":\"2025-11-12T09:30:00Z\",\"lastSeen\":\"2025-11-28T21:05:00Z\","
                      + "\"search\":\"/?view=search&q=rihla-travel.example\"},"
                      + "{\"entity\":\"iban:LY83 002 048\",\"kind\":\"IBAN\","
                      + "\"value\":\"LY83 002 048\",\"alertCount\":2,\"channelCount\":2,"
                      + "\"firstSeen\":\"2025-11-12T09:30:00Z\",\"lastSeen\":\"2025-11-28T21:05:00Z\"}]");
        });
  }

  @Test
  void theLinkedPhonesSearchFindsTheAlert() {
    Alert alert =
        Fixtures.alert(
                "boats_ly",
                "12",
                "Boat to Italy, call 00218 91 234 5678",
                0.9,
                List.of("en"),
                "boat",
                NOV_28)
            .withLinks(
                List.of(new EntityLink("phone:+218912345678", "PHONE", 2, 2, NOV_12, NOV_28)));
    fx.add(alert);
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          String search =
              officer
                  .getJson("/api/alerts/" + alert.alertId())
                  .get("entityLinks")
                  .get(0)
                  .get("search")
                  .asText();
          // The page sends the search fields of its address, without the view.
          JsonNode found = officer.getJson(search.replace("/?view=search&", "/api/search?"));
          assertThat(found.get("alerts").findValuesAsText("alertId"))
              .containsExactly(alert.alertId());
        });
  }

  @Test
  void anAlertWithoutLinksHasAnEmptyList() {
    Alert alert =
        Fixtures.alert(
            "game_rs", "13", "Game to Italy, pay on arrival", 0.8, List.of("en"), "game", NOV_28);
    fx.add(alert);
    JavalinTest.test(
        app,
        (server, client) ->
            assertThat(
                    ApiClient.login(client, "olga")
                        .getJson("/api/alerts/" + alert.alertId())
                        .get("entityLinks")
                        .toString())
                .isEqualTo("[]"));
  }
}

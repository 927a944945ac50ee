package org.crossingwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.crossingwatch.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveFeedTest {
  @TempDir Path dir;

  @Test
  void anOpenEventStreamReceivesNewAlertsAndDecisionsAsTheyHappen() {
    Fixtures fx = new Fixtures(dir);
    var app = fx.server(ConsoleSettings.defaults(dir));
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          OkHttpClient streaming =
              client.getOkHttp().newBuilder().readTimeout(Duration.ofSeconds(30)).build();
          Request request =
              new Request.Builder()
                  .url(client.getOrigin() + "/api/events")
                  .header("Cookie", officer.cookie)
                  .header("Accept", "text/event-stream")
                  .build();
          try (Response response = streaming.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("text/event-stream");
            BufferedSource events = response.body().source();
            assertThat(events.readUtf8Line()).isEqualTo("event: hello");
            Alert alert =
                Fixtures.alert(
                    "mehrab_boats",
                    "77",
                    "قایق به یونان، تماس +98 912 345 6789",
                    0.9,
                    List.of("fa"),
                    "boat",
                    Fixtures.T0);
            fx.add(alert);
            String line = events.readUtf8Line();
            while (!line.equals("event: alert")) {
              line = events.readUtf8Line();
            }
            String data = events.readUtf8Line();
            assertThat(data)
                .startsWith("data: {\"alertId\":\"" + alert.alertId() + "\",\"status\":\"new\"")
                .contains("\"excerpt\":\"قایق به یونان، تماس +98 912 345 6789\"");
            officer
                .post(
                    "/api/alerts/" + alert.alertId() + "/decisions", "{\"outcome\":\"escalated\"}")
                .close();
            while (!line.startsWith("data: ") || !line.contains("\"status\":\"escalated\"")) {
              line = events.readUtf8Line();
            }
            assertThat(line).contains("\"decidedBy\":\"olga\"");
          }
        });
  }
}

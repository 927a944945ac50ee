package org.crossingwatch.app.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crossingwatch.app.deliver.SignedWebhookReceiver;
import org.crossingwatch.console.ConsoleSettings;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.Users;

/**
 * What {@link PrometheusQueriesTest} adds to the replay so that the console and delivery metrics
 * have data: an officer in the console's users file who confirms one alert through the API, and a
 * webhook sink on 127.0.0.1 that every alert is delivered to.
 */
final class OfficerAndWebhook implements AutoCloseable {
  private static final String OFFICER = "olga";
  private static final String PASSWORD = "correct horse battery";
  private static final String SECRET = "ops-test-signing-key";

  private final HttpClient http = HttpClient.newHttpClient();
  private final SignedWebhookReceiver desk;
  private final Path deliveryConfig;

  private OfficerAndWebhook(SignedWebhookReceiver desk, Path deliveryConfig) {
    this.desk = desk;
    this.deliveryConfig = deliveryConfig;
  }

  /**
   * Adds the officer to the users file of a run with data in {@code dataDir} and writes a delivery
   * config to {@code dir} with one webhook sink, {@code desk}, that takes every alert.
   */
  static OfficerAndWebhook prepare(Path dataDir, Path dir) throws IOException {
    Users.load(ConsoleSettings.defaults(dataDir).usersFile(), new PasswordHasher(64, 1, 1))
        .add(OFFICER, Role.OFFICER, PASSWORD.toCharArray());
    Path secret = Files.writeString(dir.resolve("desk-secret"), SECRET, UTF_8);
    SignedWebhookReceiver desk = new SignedWebhookReceiver(SECRET, 200);
    Path config =
        Files.writeString(
            dir.resolve("delivery.yaml"),
            String.join(
                "\n",
                "consoleBaseUrl: http://127.0.0.1:8080",
                "sinks:",
                "  desk:",
                "    type: webhook",
                "    url: " + desk.url(),
                "    secret: {file: " + secret + "}",
                "routes:",
                "  - name: everything",
                "    sinks: [desk]",
                ""),
            UTF_8);
    return new OfficerAndWebhook(desk, config);
  }

  /** The delivery config to run with. */
  Path deliveryConfig() {
    return deliveryConfig;
  }

  /** Delivery ids the webhook accepted with a valid signature. */
  List<String> deliveries() {
    return desk.deliveries();
  }

  /**
   * Logs in to the console on {@code port} as the officer and confirms the newest alert.
   *
   * @return the alert id
   */
  String confirmNewestAlert(int port) {
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        OpsFiles.JSON
                            .createObjectNode()
                            .put("username", OFFICER)
                            .put("password", PASSWORD)
                            .toString())));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    String csrf = json(login).path("csrfToken").asText();

    HttpResponse<String> feed =
        send(HttpRequest.newBuilder(URI.create(base + "/api/alerts")).header("Cookie", cookie));
    String alertId = json(feed).path("alerts").path(0).path("alertId").asText();
    assertThat(alertId).as(feed.body()).isNotEmpty();

    HttpResponse<String> decided =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/alerts/" + alertId + "/decisions"))
                .header("Content-Type", "application/json")
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"confirmed\"}")));
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
    return alertId;
  }

  @Override
  public void close() {
    desk.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted talking to the console", e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return OpsFiles.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(response.body(), e);
    }
  }
}

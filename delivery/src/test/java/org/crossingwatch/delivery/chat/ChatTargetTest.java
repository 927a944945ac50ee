package org.crossingwatch.delivery.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.Secret;
import org.crossingwatch.delivery.SinkContext;
import org.crossingwatch.delivery.SinkTarget;
import org.crossingwatch.delivery.testing.Alerts;
import org.crossingwatch.delivery.testing.HttpReceiver;
import org.crossingwatch.delivery.testing.MutableClock;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatTargetTest {
  private final HttpReceiver receiver = HttpReceiver.start();
  private final Alert alert = Alerts.kurdishTruck("42", 0.87);
  private final String link = "https://console.example.org/alerts/" + alert.alertId();
  private final Notification notification =
      new Notification(
          Notification.Kind.NEW,
          alert.alertId() + ":1:room",
          List.of(alert),
          URI.create("https://console.example.org"),
          Optional.empty());

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void slackGetsMrkdwnTextWithLinkAndFencedPost() throws Exception {
    HttpReceiver.Request request = send(new ChatTarget(ChatFormat.SLACK, webhookUrl()));

    JsonNode body = Json.read(request.body(), JsonNode.class);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText())
        .startsWith("*CrossingWatch alert " + alert.alertId() + " · score 0.87 · ckb")
        .contains("<" + link + "|" + alert.alertId() + ">")
        .contains("• *Reasons:* crossing +2.10 (ckb-crossing-1); price +0.75 (ckb-price-1)")
        .contains("```" + alert.post().text() + "```");
  }

  @Test
  void mattermostGetsMarkdownTextAndUsername() throws Exception {
    HttpReceiver.Request request = send(new ChatTarget(ChatFormat.MATTERMOST, webhookUrl()));

    JsonNode body = Json.read(request.body(), JsonNode.class);
    assertThat(body.get("username").asText()).isEqualTo("CrossingWatch");
    assertThat(body.get("text").asText())
        .contains("[" + alert.alertId() + "](" + link + ")")
        .contains("- **Entities:** PHONE +218912345678, PRICE 3000 EUR")
        .contains("```\n" + alert.post().text() + "\n```");
  }

  @Test
  void teamsGetsAnAdaptiveCardWithAnOpenInConsoleAction() throws Exception {
    HttpReceiver.Request request = send(new ChatTarget(ChatFormat.TEAMS, webhookUrl()));

    JsonNode body = Json.read(request.body(), JsonNode.class);
    assertThat(body.get("type").asText()).isEqualTo("message");
    JsonNode attachment = body.get("attachments").get(0);
    assertThat(attachment.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.get("content");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.get("version").asText()).isEqualTo("1.4");
    assertThat(card.get("body").get(0).get("text").asText())
        .isEqualTo(
            "CrossingWatch alert " + alert.alertId() + " · score 0.87 · ckb · telegram:kurd_road");
    JsonNode action = card.get("actions").get(0);
    assertThat(action.get("type").asText()).isEqualTo("Action.OpenUrl");
    assertThat(action.get("url").asText()).isEqualTo(link);
  }

  @Test
  void matrixGetsAnIdempotentPutWithBearerTokenAndHtmlBody() throws Exception {
    MatrixTarget target =
        new MatrixTarget(
            receiver.uri("/"), "!med-desk:matrix.example", Secret.of("env CW_MATRIX", "tok-9"));

    HttpReceiver.Request request = send(target);

    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path())
        .isEqualTo(
            "/_matrix/client/v3/rooms/%21med-desk%3Amatrix.example/send/m.room.message/"
                + alert.alertId()
                + "%3A1%3Aroom");
    assertThat(request.header("Authorization")).isEqualTo("Bearer tok-9");
    JsonNode body = Json.read(request.body(), JsonNode.class);
    assertThat(body.get("msgtype").asText()).isEqualTo("m.text");
    assertThat(body.get("format").asText()).isEqualTo("org.matrix.custom.html");
    assertThat(body.get("body").asText()).contains("Open: " + link);
    assertThat(body.get("formatted_body").asText())
        .contains("<a href=\"" + link + "\">" + alert.alertId() + "</a>");
  }

  @Test
  void slackEscapesMarkupSoAPostCannotForgeLinksOrMentions() {
    Alert hostile = Alerts.reposted(Alerts.frenchDocuments("x", 0.9), 1);
    Notification n =
        new Notification(
            Notification.Kind.NEW,
            "id",
            List.of(hostile),
            URI.create("https://console.example.org"),
            Optional.empty());

    assertThat(ChatText.escapeSlack("<!channel> & <https://evil.example|bank>"))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;https://evil.example|bank&gt;");
    assertThat(ChatText.slack(n)).doesNotContain("<!channel>");
  }

  private Secret webhookUrl() {
    return Secret.of("env CW_CHAT_URL", receiver.uri("/hooks/T000/B000/XXXX").toString());
  }

  private HttpReceiver.Request send(SinkTarget target) throws Exception {
    SinkContext context =
        new SinkContext(
            "room",
            HttpClient.newHttpClient(),
            Duration.ofSeconds(5),
            new MutableClock(Instant.parse("2025-06-01T10:00:00Z")));
    target.open(context).send(notification);
    assertThat(receiver.accepted()).hasSize(1);
    return receiver.accepted().get(0);
  }
}

package org.crossingwatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.delivery.chat.ChatFormat;
import org.crossingwatch.delivery.chat.ChatTarget;
import org.crossingwatch.delivery.chat.MatrixTarget;
import org.crossingwatch.delivery.limits.QuietHours;
import org.crossingwatch.delivery.limits.RateLimit;
import org.crossingwatch.delivery.mail.MailTarget;
import org.crossingwatch.delivery.routing.Route;
import org.crossingwatch.delivery.webhook.WebhookTarget;
import org.junit.jupiter.api.Test;

class DeliveryConfigTest {
  private static final Map<String, String> ENV =
      Map.of(
          "CW_MATRIX_TOKEN", "matrix-token-1",
          "CW_SMTP_PASSWORD", "smtp-pass-2",
          "CW_WEBHOOK_SECRET", "hook-secret-3",
          "CW_SLACK_URL", "https://hooks.slack.com/services/T0/B0/abc");

  private static final String EXAMPLE =
      """
      consoleBaseUrl: https://console.unit.example
      repostThresholds: [20, 5]
      retry: {attempts: 4, initialBackoff: 500ms, maxBackoff: 30s}
      timeout: 5s
      sinks:
        med-desk:
          type: matrix
          homeserver: https://matrix.unit.example
          room: "!med:unit.example"
          accessToken: {env: CW_MATRIX_TOKEN}
          rateLimit: {count: 10, per: 1m}
          quietHours: {from: "22:00", to: "06:00", zone: Europe/Rome}
        duty-mail:
          type: email
          host: smtp.unit.example
          username: crossingwatch
          password: {env: CW_SMTP_PASSWORD}
          from: alerts@unit.example
          to: [duty@unit.example]
        partner:
          type: webhook
          url: https://partner.example/hooks/cw
          secret: {env: CW_WEBHOOK_SECRET}
        ops-slack:
          type: slack
          url: {env: CW_SLACK_URL}
      routes:
        - name: mediterranean
          languages: [ar, ku, ckb]
          minScore: 0.8
          sinks: [med-desk]
        - name: duty
          minScore: 0.95
          sinks: [duty-mail, partner]
      """;

  @Test
  void exampleWithEverySinkTypeReadsIntoRecords() {
    DeliveryConfig config = DeliveryConfig.parse("delivery.yaml", EXAMPLE, ENV::get);

    assertThat(config.consoleBaseUrl()).isEqualTo(URI.create("https://console.unit.example"));
    assertThat(config.consumerGroup()).isEqualTo("crossingwatch-delivery");
    assertThat(config.repostThresholds()).containsExactly(5, 20);
    assertThat(config.retry())
        .isEqualTo(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30)));
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.sinks())
        .extracting(SinkConfig::name)
        .containsExactly("med-desk", "duty-mail", "partner", "ops-slack");
    SinkConfig med = config.sink("med-desk").orElseThrow();
    assertThat(med.rateLimit()).contains(new RateLimit(10, Duration.ofMinutes(1)));
    assertThat(med.quietHours())
        .contains(
            new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Europe/Rome")));
    MatrixTarget matrix = (MatrixTarget) med.target();
    assertThat(matrix.roomId()).isEqualTo("!med:unit.example");
    assertThat(matrix.accessToken().reveal()).isEqualTo("matrix-token-1");
    MailTarget mail = (MailTarget) config.sink("duty-mail").orElseThrow().target();
    assertThat(mail.security()).isEqualTo(MailTarget.Security.STARTTLS);
    assertThat(mail.port()).isEqualTo(587);
    assertThat(mail.password().orElseThrow().toString()).isEqualTo("Secret[env CW_SMTP_PASSWORD]");
    WebhookTarget hook = (WebhookTarget) config.sink("partner").orElseThrow().target();
    assertThat(hook.secret().reveal()).isEqualTo("hook-secret-3");
    ChatTarget slack = (ChatTarget) config.sink("ops-slack").orElseThrow().target();
    assertThat(slack.format()).isEqualTo(ChatFormat.SLACK);
    assertThat(config.routes())
        .containsExactly(
            new Route(
                "mediterranean",
                List.of("ar", "ku", "ckb"),
                List.of(),
                List.of(),
                List.of(),
                0.8,
                List.of("med-desk")),
            new Route(
                "duty",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0.95,
                List.of("duty-mail", "partner")));
  }

  @Test
  void secretWrittenInTheYamlIsRefusedWithoutEchoingIt() {
    String yaml =
        """
        consoleBaseUrl: https://console.unit.example
        sinks:
          partner:
            type: webhook
            url: https://partner.example/hooks/cw
            secret: plain-text-secret-value
        """;

    assertThatThrownBy(() -> DeliveryConfig.parse("delivery.yaml", yaml, ENV::get))
        .isInstanceOf(DeliveryConfigException.class)
        .hasMessage(
            "delivery.yaml:6:13: sink 'partner' secret must come from the environment or a file,"
                + " written {env: NAME} or {file: PATH}; secrets are never written in the"
                + " configuration itself")
        .message()
        .doesNotContain("plain-text-secret-value");
  }

  @Test
  void routeNamingAnUnknownSinkIsReportedAtItsLineAndColumn() {
    String yaml =
        """
        consoleBaseUrl: https://console.unit.example
        sinks:
          partner: {type: webhook, url: "https://p.example/h", secret: {env: CW_WEBHOOK_SECRET}}
        routes:
          - name: duty
            minScore: 0.95
            sinks: [partner, duty-mail]
        """;

    assertThatThrownBy(() -> DeliveryConfig.parse("delivery.yaml", yaml, ENV::get))
        .isInstanceOf(DeliveryConfigException.class)
        .hasMessage(
            "delivery.yaml:7:22: route 'duty' names unknown sink 'duty-mail'; defined: partner");
  }

  @Test
  void missingEnvironmentVariableIsNamedWithItsLocation() {
    String yaml =
        """
        consoleBaseUrl: https://console.unit.example
        sinks:
          ops:
            type: mattermost
            url: {env: CW_MATTERMOST_URL}
        """;

    assertThatThrownBy(() -> DeliveryConfig.parse("delivery.yaml", yaml, ENV::get))
        .hasMessage(
            "delivery.yaml:5:16: sink 'ops' url: environment variable 'CW_MATTERMOST_URL' is not"
                + " set or is empty");
  }

  @Test
  void mistakesInValuesAndFieldsAreReportedAtTheirPlace() {
    assertThatThrownBy(
            () ->
                DeliveryConfig.parse(
                    "d.yaml",
                    "consoleBaseUrl: https://c.example\ntimeout: soon\nsinks: {}\n",
                    ENV::get))
        .hasMessage(
            "d.yaml:2:10: timeout must be a duration like 500ms, 10s, 1m, 2h or 1d, was 'soon'");
    assertThatThrownBy(
            () ->
                DeliveryConfig.parse(
                    "d.yaml", "consoleBaseUrl: https://c.example\nsink: {}\n", ENV::get))
        .hasMessage(
            "d.yaml:2:7: unknown field 'sink' in the delivery configuration; allowed:"
                + " consoleBaseUrl, consumerGroup, repostThresholds, retry, routes, sinks, timeout");
    assertThatThrownBy(
            () ->
                DeliveryConfig.parse(
                    "d.yaml",
                    "consoleBaseUrl: https://c.example\nsinks:\n  m: {type: email, host: mx.example,"
                        + " security: none, from: a@b.example, to: c@d.example}\n",
                    ENV::get))
        .hasMessage(
            "d.yaml:3:6: SMTP security 'none' is only allowed for a relay on the loopback"
                + " interface, host was 'mx.example'; use 'starttls'");
  }

  @Test
  void secretToStringNamesOnlyItsOrigin() {
    Secret secret = Secret.of("file /run/secrets/smtp", "hunter2");

    assertThat(secret).hasToString("Secret[file /run/secrets/smtp]");
    assertThat(Optional.of(secret).toString()).doesNotContain("hunter2");
  }
}

package org.crossingwatch.delivery.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.Secret;
import org.crossingwatch.delivery.Sink;
import org.crossingwatch.delivery.SinkContext;
import org.crossingwatch.delivery.testing.Alerts;
import org.crossingwatch.delivery.testing.MutableClock;
import org.crossingwatch.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailTargetTest {
  // GreenMail 2.1 has no STARTTLS, so the real-server test uses a loopback relay without TLS;
  // sessionRequiresStartTls checks the properties that make production sessions refuse clear text.
  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));

  @Test
  void alertArrivesAsPlainTextAndHtmlWithReasonsEntitiesAndConsoleLink() throws Exception {
    SMTP.setUser("cw-bot", "cw-bot", "mail-pass-123");
    MailTarget target =
        new MailTarget(
            "127.0.0.1",
            SMTP.getSmtp().getPort(),
            MailTarget.Security.NONE,
            Optional.of("cw-bot"),
            Optional.of(Secret.of("env CW_SMTP_PASSWORD", "mail-pass-123")),
            "alerts@crossingwatch.example",
            List.of("duty@unit.example", "med-desk@unit.example"));
    Alert alert = Alerts.arabicBoat("900", 0.96);
    Notification notification =
        new Notification(
            Notification.Kind.NEW,
            alert.alertId() + ":1:duty-mail",
            List.of(alert),
            URI.create("https://console.example.org/"),
            Optional.empty());

    try (Sink sink = target.open(context())) {
      sink.send(notification);
    }

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject())
        .isEqualTo(
            "CrossingWatch alert " + alert.alertId() + " · score 0.96 · ar · telegram:libya_trips");
    assertThat(mail.getHeader("X-CrossingWatch-Delivery")[0])
        .isEqualTo(alert.alertId() + ":1:duty-mail");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    BodyPart plain = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(plain.getContentType()).startsWith("text/plain; charset=UTF-8");
    // MIME text travels with CRLF line ends.
    assertThat(((String) plain.getContent()).replace("\r\n", "\n"))
        .isEqualTo(
            "CrossingWatch alert "
                + alert.alertId()
                + " · score 0.96 · ar · telegram:libya_trips\n"
                + "\n"
                + "Score: 0.96\n"
                + "Languages: ar\n"
                + "Seen: 1 time in telegram:libya_trips\n"
                + "Reasons: crossing +2.10 (ar-crossing-1); price +0.75 (ar-price-1)\n"
                + "Entities: PHONE +218912345678, PRICE 3000 EUR\n"
                + "Post: "
                + alert.post().text()
                + "\n"
                + "Open: https://console.example.org/alerts/"
                + alert.alertId()
                + "\n");
    assertThat(html.getContentType()).startsWith("text/html; charset=UTF-8");
    assertThat((String) html.getContent())
        .contains(
            "<h3><a href=\"https://console.example.org/alerts/"
                + alert.alertId()
                + "\">"
                + alert.alertId()
                + "</a></h3>")
        .contains("<li><b>Entities:</b> PHONE +218912345678, PRICE 3000 EUR</li>")
        .contains("<blockquote>" + alert.post().text() + "</blockquote>");
  }

  @Test
  void sessionRequiresStartTlsAndVerifiesTheServerByDefault() {
    MailTarget target =
        new MailTarget(
            "smtp.unit.example",
            587,
            MailTarget.Security.STARTTLS,
            Optional.empty(),
            Optional.empty(),
            "alerts@crossingwatch.example",
            List.of("duty@unit.example"));

    Properties props = target.sessionProperties(Duration.ofSeconds(7));

    assertThat(props)
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .containsEntry("mail.smtp.host", "smtp.unit.example")
        .containsEntry("mail.smtp.port", "587")
        .containsEntry("mail.smtp.timeout", "7000")
        .containsEntry("mail.smtp.auth", "false");
  }

  @Test
  void clearTextIsRefusedForARemoteServer() {
    assertThatThrownBy(
            () ->
                new MailTarget(
                    "smtp.unit.example",
                    25,
                    MailTarget.Security.NONE,
                    Optional.empty(),
                    Optional.empty(),
                    "alerts@crossingwatch.example",
                    List.of("duty@unit.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "SMTP security 'none' is only allowed for a relay on the loopback interface, host was"
                + " 'smtp.unit.example'; use 'starttls'");
  }

  private SinkContext context() {
    return new SinkContext("duty-mail", HttpClient.newHttpClient(), Duration.ofSeconds(5), clock);
  }
}

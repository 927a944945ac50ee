package org.crossingwatch.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.RetryPolicy;
import org.crossingwatch.delivery.Secret;
import org.crossingwatch.delivery.SinkConfig;
import org.crossingwatch.delivery.SinkContext;
import org.crossingwatch.delivery.chat.ChatFormat;
import org.crossingwatch.delivery.chat.ChatTarget;
import org.crossingwatch.delivery.testing.Alerts;
import org.crossingwatch.delivery.testing.HttpReceiver;
import org.crossingwatch.delivery.testing.MutableClock;
import org.crossingwatch.delivery.webhook.WebhookTarget;
import org.crossingwatch.model.Alert;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsInLogsTest {
  @Test
  void failingSinksNeverLogTheirSecretsOrSecretUrls() throws Exception {
    String signingKey = "whsec-9f8e7d6c5b4a";
    String chatToken = "T0001/B0002/ZZtokenZZ";
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    Level before = root.getLevel();
    root.setLevel(Level.DEBUG);
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
    Outcomes outcomes =
        new Outcomes(
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()),
            new SimpleMeterRegistry(),
            clock);
    Set<String> done = ConcurrentHashMap.newKeySet();
    try (HttpReceiver down = HttpReceiver.start().alwaysAnswer(500)) {
      SinkConfig hook =
          SinkConfig.of(
              "hook",
              new WebhookTarget(down.uri("/h"), Secret.of("env CW_HOOK_SECRET", signingKey)));
      SinkConfig chat =
          SinkConfig.of(
              "chat",
              new ChatTarget(
                  ChatFormat.SLACK,
                  Secret.of("env CW_SLACK_URL", down.uri("/services/" + chatToken).toString())));
      Alert alert = Alerts.arabicBoat("s1", 0.9);
      for (SinkConfig config : List.of(hook, chat)) {
        SinkContext context =
            new SinkContext(
                config.name(), HttpClient.newHttpClient(), Duration.ofSeconds(2), clock);
        try (SinkWorker worker =
            new SinkWorker(
                    config,
                    config.target().open(context),
                    new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)),
                    URI.create("https://console.example.org"),
                    clock,
                    outcomes)
                .start()) {
          worker.submit(
              new SinkWorker.Job(alert, Notification.Kind.NEW, () -> done.add(config.name())));
          await().until(() -> done.contains(config.name()));
        }
      }
    } finally {
      root.detachAppender(captured);
      root.setLevel(before);
    }

    List<String> lines =
        captured.list.stream()
            .map(
                e ->
                    e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                            ? ""
                            : ThrowableProxyUtil.asString(e.getThrowableProxy())))
            .toList();
    assertThat(lines)
        .anyMatch(l -> l.contains("sink 'hook': HTTP 500"))
        .anyMatch(l -> l.contains("sink 'chat': HTTP 500"))
        .noneMatch(l -> l.contains(signingKey))
        .noneMatch(l -> l.contains(chatToken));
  }
}

package org.crossingwatch.delivery.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.crossingwatch.delivery.DeliveryTopics;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.RetryPolicy;
import org.crossingwatch.delivery.Secret;
import org.crossingwatch.delivery.SinkConfig;
import org.crossingwatch.delivery.SinkContext;
import org.crossingwatch.delivery.limits.QuietHours;
import org.crossingwatch.delivery.limits.RateLimit;
import org.crossingwatch.delivery.testing.Alerts;
import org.crossingwatch.delivery.testing.HttpReceiver;
import org.crossingwatch.delivery.testing.MutableClock;
import org.crossingwatch.delivery.webhook.WebhookSignature;
import org.crossingwatch.delivery.webhook.WebhookTarget;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinkWorkerTest {
  private static final Secret SECRET = Secret.of("env CW_TEST_SECRET", "s3cr3t-signing-key");
  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50));
  private static final URI CONSOLE = URI.create("https://console.example.org");

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
  private final Outcomes outcomes = new Outcomes(producer, registry, clock);
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final Set<String> done = ConcurrentHashMap.newKeySet();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void newAlertReachesWebhookOnceWithValidSignature() {
    HttpReceiver receiver = receiver();
    SinkWorker worker = webhookWorker(SinkConfig.of("partner", target(receiver)), 2_000);
    Alert alert = Alerts.arabicBoat("101", 0.93);

    worker.submit(job(alert));

    await().until(() -> done.contains(alert.alertId()));
    HttpReceiver.Request request = receiver.accepted().get(0);
    assertThat(receiver.accepted()).hasSize(1);
    assertThat(
            WebhookSignature.verify(
                SECRET.revealBytes(),
                request.header(WebhookSignature.TIMESTAMP_HEADER),
                request.body(),
                request.header(WebhookSignature.SIGNATURE_HEADER),
                clock.instant(),
                Duration.ofMinutes(5)))
        .isTrue();
    assertThat(request.header(WebhookSignature.DELIVERY_HEADER))
        .isEqualTo(alert.alertId() + ":1:partner");
    assertThat(request.header(WebhookSignature.EVENT_HEADER)).isEqualTo("alert.new");
    assertThat(results("partner"))
        .isEqualTo(Map.of("sent", 1.0, "retried", 0.0, "failed", 0.0, "rate_limited", 0.0));
    assertThat(audits())
        .extracting(AuditEvent::user, AuditEvent::action, AuditEvent::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("delivery", "delivery.sent", alert.alertId()));
    assertThat(audits().get(0).details()).containsEntry("sink", "partner");
  }

  @Test
  void sinkThatFailsTwiceThenRecoversGetsTheAlertOnceWithoutDuplicate() {
    HttpReceiver receiver = receiver().thenAnswer(500, 503);
    SinkWorker worker = webhookWorker(SinkConfig.of("flaky", target(receiver)), 2_000);
    Alert alert = Alerts.kurdishTruck("7", 0.88);

    worker.submit(job(alert));

    await().until(() -> done.contains(alert.alertId()));
    assertThat(receiver.attempts()).isEqualTo(3);
    assertThat(receiver.accepted()).hasSize(1);
    assertThat(results("flaky"))
        .isEqualTo(Map.of("sent", 1.0, "retried", 2.0, "failed", 0.0, "rate_limited", 0.0));
    assertThat(parked()).isEmpty();
  }

  @Test
  void sinkThatStaysDownParksTheAlertWithTheReason() {
    HttpReceiver receiver = receiver().alwaysAnswer(503);
    SinkWorker worker = webhookWorker(SinkConfig.of("down", target(receiver)), 2_000);
    Alert alert = Alerts.frenchDocuments("55", 0.97);

    worker.submit(job(alert));

    await().until(() -> done.contains(alert.alertId()));
    assertThat(receiver.attempts()).isEqualTo(3);
    ProducerRecord<byte[], byte[]> record = parked().get(0);
    assertThat(parked()).hasSize(1);
    assertThat(new String(record.key(), UTF_8)).isEqualTo(alert.alertId());
    assertThat(Json.read(record.value(), Alert.class)).isEqualTo(alert);
    assertThat(header(record, DeliveryTopics.HEADER_REASON)).isEqualTo("sink 'down': HTTP 503");
    assertThat(header(record, DeliveryTopics.HEADER_SINK)).isEqualTo("down");
    assertThat(header(record, DeliveryTopics.HEADER_ATTEMPTS)).isEqualTo("3");
    assertThat(results("down"))
        .isEqualTo(Map.of("sent", 0.0, "retried", 2.0, "failed", 1.0, "rate_limited", 0.0));
    assertThat(audits()).extracting(AuditEvent::action).containsExactly("delivery.failed");
  }

  @Test
  void hangingSinkTimesOutWhileOtherSinksDeliver() {
    HttpReceiver hanging = receiver().hang();
    HttpReceiver healthy = receiver();
    SinkWorker stuck = webhookWorker(SinkConfig.of("stuck", target(hanging)), 300);
    SinkWorker fine = webhookWorker(SinkConfig.of("fine", target(healthy)), 2_000);
    List<Alert> alerts =
        List.of(
            Alerts.arabicBoat("1", 0.9), Alerts.arabicBoat("2", 0.9), Alerts.arabicBoat("3", 0.9));

    alerts.forEach(a -> stuck.submit(job(a, "stuck:")));
    alerts.forEach(a -> fine.submit(job(a, "fine:")));

    await().until(() -> healthy.accepted().size() == 3);
    assertThat(done).noneMatch(d -> d.startsWith("stuck:"));
    await()
        .until(() -> done.containsAll(alerts.stream().map(a -> "stuck:" + a.alertId()).toList()));
    assertThat(parked())
        .extracting(r -> header(r, DeliveryTopics.HEADER_REASON))
        .containsOnly("sink 'stuck': no answer within 300 ms")
        .hasSize(3);
  }

  @Test
  void burstOf500AgainstTenPerMinuteSendsTenThenOneDigestAndLosesNothing() {
    HttpReceiver receiver = receiver();
    SinkConfig config =
        new SinkConfig(
            "desk",
            target(receiver),
            Optional.of(new RateLimit(10, Duration.ofMinutes(1))),
            Optional.empty());
    SinkWorker worker = webhookWorker(config, 2_000);
    List<Alert> burst =
        IntStream.rangeClosed(1, 500).mapToObj(i -> Alerts.arabicBoat("b" + i, 0.9)).toList();

    burst.forEach(a -> worker.submit(job(a)));

    await().until(() -> receiver.accepted().size() == 10 && worker.idle());
    assertThat(done).hasSize(10);
    clock.advance(Duration.ofSeconds(61));
    await().until(() -> done.size() == 500);
    List<HttpReceiver.Request> messages = receiver.accepted();
    assertThat(messages).hasSize(11);
    assertThat(messages.subList(0, 10))
        .extracting(r -> r.header(WebhookSignature.EVENT_HEADER))
        .containsOnly("alert.new");
    HttpReceiver.Request digest = messages.get(10);
    assertThat(digest.header(WebhookSignature.EVENT_HEADER)).isEqualTo("alert.digest");
    var body = tree(digest.body());
    assertThat(body.get("digestReason").asText()).isEqualTo("rate limit");
    assertThat(body.get("alerts")).hasSize(490);
    Set<String> delivered =
        messages.stream()
            .flatMap(m -> tree(m.body()).get("alerts").valueStream())
            .map(a -> a.get("alert").get("alertId").asText())
            .collect(Collectors.toSet());
    assertThat(delivered).isEqualTo(burst.stream().map(Alert::alertId).collect(Collectors.toSet()));
    assertThat(messages("rate_limited", "desk")).isEqualTo(490.0);
    assertThat(registry.get(Outcomes.DIGESTS).tag("sink", "desk").counter().count()).isEqualTo(1.0);
  }

  @Test
  void alertsDuringQuietHoursArriveAsOneDigestWhenTheyEnd() {
    HttpReceiver receiver = receiver();
    clock.set(Instant.parse("2025-06-01T21:30:00Z")); // 23:30 in Rome
    SinkConfig config =
        new SinkConfig(
            "night-desk",
            target(receiver),
            Optional.empty(),
            Optional.of(
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Europe/Rome"))));
    SinkWorker worker = webhookWorker(config, 2_000);
    Alert boat = Alerts.arabicBoat("n1", 0.91);
    Alert truck = Alerts.kurdishTruck("n2", 0.85);

    worker.submit(job(boat));
    worker.submit(job(truck));
    await().until(worker::idle);
    clock.set(Instant.parse("2025-06-02T03:59:00Z")); // 05:59 in Rome, still quiet
    await().until(worker::idle);
    assertThat(receiver.accepted()).isEmpty();
    clock.set(Instant.parse("2025-06-02T04:00:00Z")); // 06:00 in Rome

    await().until(() -> done.size() == 2);
    assertThat(receiver.accepted()).hasSize(1);
    var body = tree(receiver.accepted().get(0).body());
    assertThat(body.get("event").asText()).isEqualTo("alert.digest");
    assertThat(body.get("digestReason").asText()).isEqualTo("quiet hours");
    assertThat(body.get("alerts").valueStream().map(a -> a.get("consoleUrl").asText()).toList())
        .containsExactly(
            "https://console.example.org/alerts/" + boat.alertId(),
            "https://console.example.org/alerts/" + truck.alertId());
  }

  private HttpReceiver receiver() {
    HttpReceiver receiver = HttpReceiver.start();
    open.add(receiver);
    return receiver;
  }

  private static WebhookTarget target(HttpReceiver receiver) {
    return new WebhookTarget(receiver.uri("/hooks/crossingwatch"), SECRET);
  }

  private SinkWorker webhookWorker(SinkConfig config, long timeoutMillis) {
    SinkContext context =
        new SinkContext(config.name(), http, Duration.ofMillis(timeoutMillis), clock);
    SinkWorker worker =
        new SinkWorker(config, config.target().open(context), FAST_RETRY, CONSOLE, clock, outcomes)
            .start();
    open.add(worker);
    return worker;
  }

  private SinkWorker.Job job(Alert alert) {
    return job(alert, "");
  }

  private SinkWorker.Job job(Alert alert, String prefix) {
    return new SinkWorker.Job(
        alert, Notification.Kind.NEW, () -> done.add(prefix + alert.alertId()));
  }

  private double messages(String result, String sink) {
    return registry
        .get(Outcomes.MESSAGES)
        .tag("sink", sink)
        .tag("result", result)
        .counter()
        .count();
  }

  /** Every {@code result} of {@code sink}'s messages counter with its count. */
  private Map<String, Double> results(String sink) {
    return registry.get(Outcomes.MESSAGES).tag("sink", sink).counters().stream()
        .collect(Collectors.toMap(c -> c.getId().getTag("result"), Counter::count));
  }

  private List<ProducerRecord<byte[], byte[]>> parked() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(DeliveryTopics.FAILED))
        .toList();
  }

  private List<AuditEvent> audits() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(Topics.AUDIT))
        .map(r -> Json.read(r.value(), AuditEvent.class))
        .toList();
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(byte[] json) {
    return Json.read(json, com.fasterxml.jackson.databind.JsonNode.class);
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), UTF_8);
  }
}

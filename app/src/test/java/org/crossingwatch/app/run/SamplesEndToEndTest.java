package org.crossingwatch.app.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crossingwatch run --bootstrap-servers} against a running broker, with the bundled rules
 * and samples, through the whole pipeline. (The other end-to-end tests use the embedded mode.)
 */
class SamplesEndToEndTest {
  @TempDir static Path dataDir;
  private static final RunFixtures.Output OUT = new RunFixtures.Output();
  private static EmbeddedKafkaBroker cluster;
  private static AllInOne all;

  @BeforeAll
  static void replaySamples() throws Exception {
    cluster = EmbeddedKafkaBroker.start(dataDir.resolve("cluster"));
    RunSettings settings = RunFixtures.settings(dataDir.resolve("app"), RunFixtures.SAMPLES);
    all =
        AllInOne.start(
            new RunSettings(
                settings.dataDir(),
                Optional.of(cluster.bootstrapServers()),
                settings.rules(),
                settings.posts(),
                false,
                settings.httpHost(),
                settings.httpPort(),
                settings.partitions(),
                settings.classifier()),
            OUT.writer);
    assertThat(all.collector().awaitTermination(Duration.ofSeconds(60))).isTrue();
  }

  @AfterAll
  static void stop() {
    all.close();
    cluster.close();
  }

  @Test
  void alertsAreExactlyThoseTheClassifierMakesOfflineAndEveryOtherPostIsScored() throws Exception {
    Map<String, String> labels = RunFixtures.sampleLabels();
    Set<String> offers =
        labels.entrySet().stream()
            .filter(e -> e.getValue().equals("offer"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    Set<String> alerting = RunFixtures.alertingOffline();
    assertThat(alerting).as("every sample labelled offer alerts").containsAll(offers);
    Set<String> expectedAlertIds = alerting.stream().map(Alert::idFor).collect(Collectors.toSet());

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(TopicContents.keys(all.bootstrapServers(), Topics.POSTS_SCORED))
                    .containsExactlyInAnyOrderElementsOf(labels.keySet()));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(TopicContents.keys(all.bootstrapServers(), Topics.ALERTS))
                    .containsExactlyInAnyOrderElementsOf(expectedAlertIds));

    Map<String, Boolean> alertedByKey =
        TopicContents.read(all.bootstrapServers(), Topics.POSTS_SCORED).stream()
            .map(ConsumerRecord::value)
            .map(bytes -> Json.read(bytes, ScoredPost.class))
            .collect(Collectors.toMap(s -> s.post().key(), s -> s.verdict().alert()));
    assertThat(alertedByKey)
        .hasSize(labels.size())
        .allSatisfy((key, alerted) -> assertThat(alerted).isEqualTo(alerting.contains(key)));
    assertThat(TopicContents.read(all.bootstrapServers(), Topics.DLQ)).isEmpty();
  }

  @Test
  void eachAlertIsPrintedAsOneReadableLine() throws Exception {
    int alerts = RunFixtures.alertingOffline().size();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(OUT.toString().lines().filter(l -> l.startsWith("ALERT ")))
                    .hasSize(alerts));
    assertThat(OUT.toString())
        .contains("Kafka: " + cluster.bootstrapServers() + " (replication factor 1)")
        .containsPattern(
            "ALERT \\S+ \\S+  [01]\\.\\d\\d  ar     telegram/zuwara_trips +\\S*crossing_offer");
  }

  @Test
  void metricsEndpointShowsKafkaStreamsMetricsAndOurCounters() throws Exception {
    int posts = RunFixtures.sampleLines().size();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + all.httpPort() + "/metrics"))
            .build();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              String body = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8)).body();
              assertThat(body)
                  .contains("crossingwatch_pipeline_posts_scored_total " + posts + ".0")
                  .contains(
                      "crossingwatch_collector_posts_published_total{source=\"jsonl:posts.jsonl\"} "
                          + posts
                          + ".0")
                  .contains("kafka_stream_thread_commit_total")
                  .contains("jvm_memory_used_bytes");
            });
  }
}

package org.crossingwatch.app.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code crossingwatch run} in the middle of a replay and starting it again on the same
 * data folder: every post is published once and scored once, and every alerting post is counted
 * once in its alert's repost cluster. The copies of each sample are identical reposts of it, so
 * they update one alert per ad, counting every copy once, instead of making new ones.
 */
class RestartEndToEndTest {
  /** Copies of the samples; large enough that the first run is stopped well before the end. */
  private static final int COPIES = 40;

  @TempDir Path dataDir;

  @Test
  void stoppedMidReplayAndRestartedEveryPostIsScoredExactlyOnce() throws Exception {
    Path posts = dataDir.resolve("posts.jsonl");
    List<String> lines = new ArrayList<>();
    List<String> samples = RunFixtures.sampleLines();
    for (int copy = 0; copy < COPIES; copy++) {
      for (String line : samples) {
        // Same post, new external id: "externalId": "1001" -> "1001-c7".
        lines.add(line.replaceFirst("(\"externalId\": ?\"[^\"]+)\"", "$1-c" + copy + "\""));
      }
    }
    Files.write(posts, lines, UTF_8);
    int total = lines.size();
    // Each copy alerts as the classifier does on the samples offline.
    long alertingCopies = (long) COPIES * RunFixtures.alertingOffline().size();

    double scoredAtStop;
    try (AllInOne first =
        AllInOne.start(RunFixtures.settings(dataDir, posts), new RunFixtures.Output().writer)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> scored(first) >= 100);
      scoredAtStop = scored(first);
    }
    assertThat(scoredAtStop).as("the first run stopped mid-replay").isLessThan(total);

    try (AllInOne second =
        AllInOne.start(RunFixtures.settings(dataDir, posts), new RunFixtures.Output().writer)) {
      await()
          .atMost(Duration.ofSeconds(180))
          .untilAsserted(
              () ->
                  assertThat(
                          TopicContents.keyCounts(second.bootstrapServers(), Topics.POSTS_SCORED))
                      .hasSize(total));
      Map<String, Long> raw = TopicContents.keyCounts(second.bootstrapServers(), Topics.POSTS_RAW);
      Map<String, Long> scored =
          TopicContents.keyCounts(second.bootstrapServers(), Topics.POSTS_SCORED);
      long alertingPosts =
          TopicContents.read(second.bootstrapServers(), Topics.POSTS_SCORED).stream()
              .filter(r -> Json.read(r.value(), ScoredPost.class).verdict().alert())
              .count();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(
                          latestAlerts(second).values().stream().mapToInt(Alert::repostCount).sum())
                      .isEqualTo(alertingPosts));
      Map<String, Alert> alerts = latestAlerts(second);

      assertThat(raw).hasSize(total).allSatisfy((key, count) -> assertThat(count).isOne());
      assertThat(scored).hasSize(total).allSatisfy((key, count) -> assertThat(count).isOne());
      assertThat(alertingPosts).isEqualTo(alertingCopies);
      // The copies of each alerting sample are one ad: one alert each, all copies counted once.
      Set<String> alertingSamples = RunFixtures.alertingOffline();
      Map<String, Alert> alertBySample = new HashMap<>();
      alerts.forEach(
          (alertId, alert) -> {
            assertThat(alertId).isEqualTo(Alert.idFor(alert.post().key()));
            String sampleKey = alert.post().key().replaceFirst("-c\\d+$", "");
            assertThat(alertBySample.put(sampleKey, alert))
                .as("a second alert for the sample %s", sampleKey)
                .isNull();
          });
      assertThat(alertBySample.keySet()).containsExactlyInAnyOrderElementsOf(alertingSamples);
      alertBySample.forEach(
          (sampleKey, alert) -> {
            assertThat(alert.repostCount()).as("copies of %s", sampleKey).isEqualTo(COPIES);
            assertThat(alert.channels())
                .containsExactly(alert.post().platform() + ":" + alert.post().channel());
          });
    }
  }

  /** The latest value of each alert id: the state of every alert after all upserts. */
  private static Map<String, Alert> latestAlerts(AllInOne all) {
    Map<String, Alert> latest = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicContents.read(all.bootstrapServers(), Topics.ALERTS)) {
      latest.put(r.key(), Json.read(r.value(), Alert.class));
    }
    return latest;
  }

  private static double scored(AllInOne all) {
    return all.registry().counter("crossingwatch.pipeline.posts.scored").count();
  }
}

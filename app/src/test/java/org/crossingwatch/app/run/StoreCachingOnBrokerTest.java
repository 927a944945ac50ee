package org.crossingwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.process.RulePublisher;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.Pipeline;
import org.crossingwatch.stream.PipelineSettings;
import org.crossingwatch.stream.cluster.ClusterUpdater;
import org.crossingwatch.stream.links.EntityLinker;
import org.crossingwatch.stream.rules.LiveRuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustering and link stores are cached: a burst of copies of one ad, all waiting when the
 * processor starts, updates the ad's cluster entry and its phone's entity entry once per copy, but
 * the stores' changelogs get far fewer records, because updates of a key within one commit reach
 * the changelog once. Without the cache each changelog would hold one record per copy. The alert
 * still counts every copy.
 */
class StoreCachingOnBrokerTest {
  private static final int COPIES = 40;
  private static final String APPLICATION_ID = "store-caching-test";
  private static final String TEXT =
      "Boat to Greece every Friday, pay on arrival, 2500 euro, call +90 532 000 1122";

  @TempDir Path dir;

  @Test
  void aBurstOfCopiesWritesEachStoreEntryToItsChangelogFarFewerTimesThanItIsUpdated()
      throws Exception {
    List<Rule> shipped = RulePackLoader.load(RunFixtures.RULES);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      String servers = broker.bootstrapServers();
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
        TopicPlan.standard(2, (short) 1).apply(admin);
      }
      new RulePublisher(servers).publish(shipped);
      produceCopies(servers);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (LiveRuleSet live = LiveRuleSet.start(shipped, ClassifierSettings.defaults(), registry);
          Pipeline pipeline =
              Pipeline.create(
                  servers,
                  live,
                  PipelineSettings.defaults().withApplicationId(APPLICATION_ID),
                  dir.resolve("streams"),
                  registry)) {
        pipeline.start();
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(
                () ->
                    assertThat(
                            TopicContents.read(servers, Topics.ALERTS).stream()
                                .mapToInt(r -> Json.read(r.value(), Alert.class).repostCount())
                                .max()
                                .orElse(0))
                        .isEqualTo(COPIES));

        // Every copy alerted and joined the one alert.
        assertThat(TopicContents.read(servers, Topics.POSTS_SCORED))
            .hasSize(COPIES)
            .allMatch(r -> Json.read(r.value(), ScoredPost.class).verdict().alert());
        assertThat(TopicContents.keys(servers, Topics.ALERTS)).hasSize(1);

        int clusterWrites = changelogRecords(servers, ClusterUpdater.STORE);
        int entityWrites = changelogRecords(servers, EntityLinker.STORE);
        assertThat(clusterWrites).as("cluster store changelog records").isBetween(1, COPIES / 2);
        assertThat(entityWrites).as("entity store changelog records").isBetween(1, COPIES / 2);
      }
    }
  }

  private static int changelogRecords(String servers, String store) {
    return TopicContents.read(servers, APPLICATION_ID + "-" + store + "-changelog").size();
  }

  /** The same ad, reposted in four channels, a second apart. */
  private static void produceCopies(String servers) {
    RawPosts.produce(
        servers,
        IntStream.range(0, COPIES)
            .mapToObj(
                i ->
                    RawPosts.telegram(
                        "crossings_" + (i % 4),
                        String.valueOf(i),
                        TEXT,
                        Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i)))
            .toList());
  }
}

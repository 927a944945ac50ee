package org.crossingwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.process.RulePublisher;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.Pipeline;
import org.crossingwatch.stream.PipelineSettings;
import org.crossingwatch.stream.rules.LiveRuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor that starts on a {@code cw.rules} table holding every shipped rule, with posts
 * already waiting: while the global table is restored record by record, posts are scored with the
 * initial rules, and then with the complete table, never with the part of it loaded so far: the
 * rule set is swapped exactly once.
 */
class RuleSetStartupTest {
  private static final int POSTS_BEFORE = 300;
  private static final int POSTS_AFTER = 50;
  private static final List<String> TEXTS =
      List.of(
          "رحلة بحرية من زوارة إلى إيطاليا، الدفع عند الوصول. واتساب +218 91 000 1234",
          "passage garanti vers l'Angleterre en camion, départ de Calais chaque nuit",
          "Boat to Greece every Friday, pay on arrival, 2500 euro, call +90 532 000 1122",
          "Die Polizei warnt vor Schleppern an der Grenze zu Polen",
          "د ایران لپاره لاره، تضمین شوی سفر، واټس اپ +93 70 000 1234");

  @TempDir Path dir;

  @Test
  void postsAreScoredWithTheInitialOrTheCompleteRuleSetNeverAPartialOne() throws Exception {
    List<Rule> shipped = RulePackLoader.load(RunFixtures.RULES);
    List<Rule> initial = List.of(shipped.get(0));
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      String servers = broker.bootstrapServers();
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
        TopicPlan.standard(2, (short) 1).apply(admin);
      }
      new RulePublisher(servers).publish(shipped);
      produce(servers, 0, POSTS_BEFORE);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (LiveRuleSet live = LiveRuleSet.start(initial, ClassifierSettings.defaults(), registry)) {
        String initialVersion = live.ruleSetVersion();
        try (Pipeline pipeline =
            Pipeline.create(
                servers,
                live,
                PipelineSettings.defaults().withApplicationId("rule-startup-test"),
                dir.resolve("streams"),
                registry)) {
          pipeline.start();
          await()
              .atMost(Duration.ofSeconds(120))
              .until(() -> live.rules().size() == shipped.size());
          String completeVersion = live.ruleSetVersion();
          produce(servers, POSTS_BEFORE, POSTS_BEFORE + POSTS_AFTER);

          Map<String, String> versionByPost = new TreeMap<>();
          await()
              .atMost(Duration.ofSeconds(120))
              .pollInterval(Duration.ofSeconds(1))
              .untilAsserted(
                  () -> {
                    versionByPost.clear();
                    TopicContents.read(servers, Topics.POSTS_SCORED)
                        .forEach(
                            r ->
                                versionByPost.put(
                                    r.key(),
                                    Json.read(r.value(), ScoredPost.class)
                                        .verdict()
                                        .ruleSetVersion()));
                    assertThat(versionByPost).hasSize(POSTS_BEFORE + POSTS_AFTER);
                  });

          assertThat(completeVersion).isNotEqualTo(initialVersion);
          // One swap, from the initial set to the complete table: no partial set ever ran.
          assertThat(registry.get(LiveRuleSet.RULES_SWAPPED).counter().count()).isEqualTo(1.0);
          assertThat(Set.copyOf(versionByPost.values()))
              .isSubsetOf(initialVersion, completeVersion)
              .contains(completeVersion);
          for (int i = POSTS_BEFORE; i < POSTS_BEFORE + POSTS_AFTER; i++) {
            assertThat(versionByPost.get(post(i).key())).isEqualTo(completeVersion);
          }
        }
      }
    }
  }

  private static void produce(String servers, int from, int to) {
    RawPosts.produce(
        servers, IntStream.range(from, to).mapToObj(RuleSetStartupTest::post).toList());
  }

  private static Post post(int i) {
    return RawPosts.telegram(
        "startup_" + (i % 3),
        String.valueOf(i),
        TEXTS.get(i % TEXTS.size()),
        Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i));
  }
}

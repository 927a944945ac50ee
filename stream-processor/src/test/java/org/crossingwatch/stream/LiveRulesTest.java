package org.crossingwatch.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import org.crossingwatch.stream.rules.LiveRuleSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveRulesTest {
  private static final Rule BOAT = rule("ar.crossing.boat", "ar", "قارب");
  private static final Rule PASSAGE = rule("fr.crossing.passage", "fr", "passage");

  @TempDir Path stateDir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private LiveRuleSet live;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rawPosts;
  private TestInputTopic<String, byte[]> rules;
  private TestOutputTopic<String, String> scoredPosts;
  private int nextId;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
    if (live != null) {
      live.close();
    }
  }

  @Test
  void pushedRuleScoresTheNextPostAndItsVersionIsInTheVerdict() {
    start(List.of(BOAT));
    String initialVersion = live.ruleSetVersion();
    assertThat(score("passage garanti vers l'Angleterre").verdict().alert()).isFalse();

    rules.pipeInput(PASSAGE.id(), json(PASSAGE));

    ScoredPost after = score("passage garanti vers l'Angleterre");
    assertThat(after.verdict().alert()).isTrue();
    assertThat(after.verdict().ruleSetVersion())
        .isEqualTo(live.ruleSetVersion())
        .isNotEqualTo(initialVersion);
    assertThat(live.rules()).containsExactly(PASSAGE);
  }

  @Test
  void tableReplacesTheInitialRulesOnceItHasARule() {
    start(List.of(BOAT));

    rules.pipeInput(PASSAGE.id(), json(PASSAGE));

    assertThat(live.rules()).extracting(Rule::id).containsExactly(PASSAGE.id());
    assertThat(score("قارب إلى إيطاليا").verdict().alert()).isFalse();
  }

  @Test
  void brokenRuleIsRejectedAndReportedWhileTheRunningSetKeepsScoring() {
    start(List.of());
    rules.pipeInput(PASSAGE.id(), json(PASSAGE));
    String good = live.ruleSetVersion();

    Rule broken = rule("fr.crossing.broken", "fr", "passage AND (");
    rules.pipeInput(broken.id(), json(broken));

    assertThat(live.lastRejections()).containsOnlyKeys(broken.id());
    assertThat(registry.get(LiveRuleSet.RULES_REJECTED).counter().count()).isEqualTo(1.0);
    ScoredPost scored = score("passage garanti ce soir");
    assertThat(scored.verdict().alert()).isTrue();
    assertThat(scored.verdict().ruleSetVersion()).isEqualTo(good);
  }

  @Test
  void brokenEditOfARuleKeepsItsPreviousVersion() {
    start(List.of());
    rules.pipeInput(PASSAGE.id(), json(PASSAGE));

    rules.pipeInput(PASSAGE.id(), json(rule(PASSAGE.id(), "fr", "\"passage")));

    assertThat(live.rules()).containsExactly(PASSAGE);
    assertThat(score("passage de nuit").verdict().alert()).isTrue();
  }

  @Test
  void tombstoneDeletesTheRule() {
    start(List.of());
    rules.pipeInput(PASSAGE.id(), json(PASSAGE));
    rules.pipeInput(BOAT.id(), json(BOAT));

    rules.pipeInput(PASSAGE.id(), (byte[]) null);

    assertThat(live.rules()).containsExactly(BOAT);
    assertThat(score("passage de nuit").verdict().alert()).isFalse();
  }

  @Test
  void rulesArrivingWhileTheTableIsRestoredAreSwappedInOnlyAllTogether() {
    Rule truck = rule("fr.crossing.camion", "fr", "camion");
    live = LiveRuleSet.start(List.of(BOAT), ClassifierSettings.defaults(), registry, Runnable::run);
    String initialVersion = live.ruleSetVersion();
    startDriver();

    // The global table delivers its records one by one while it is restored.
    rules.pipeInput(PASSAGE.id(), json(PASSAGE));
    ScoredPost duringRestore = score("passage en camion vers Londres");
    rules.pipeInput(truck.id(), json(truck));
    live.tableRestored();
    ScoredPost afterRestore = score("passage en camion vers Londres");

    assertThat(duringRestore.verdict().ruleSetVersion()).isEqualTo(initialVersion);
    assertThat(duringRestore.verdict().alert()).isFalse();
    assertThat(live.rules()).containsExactly(truck, PASSAGE);
    assertThat(afterRestore.verdict().ruleSetVersion())
        .isEqualTo(live.ruleSetVersion())
        .isNotEqualTo(initialVersion);
    assertThat(afterRestore.verdict().alert()).isTrue();
    assertThat(registry.get(LiveRuleSet.RULES_SWAPPED).counter().count()).isEqualTo(1.0);
  }

  @Test
  void emptyTableAfterRestoreKeepsTheInitialRules() {
    start(List.of(BOAT));

    assertThat(live.rules()).containsExactly(BOAT);
    assertThat(registry.get(LiveRuleSet.RULES_SWAPPED).counter().count()).isZero();
  }

  @Test
  void recordThatIsNotRuleJsonIsRejectedAndChangesNothing() {
    start(List.of(BOAT));

    rules.pipeInput("xx.junk", "{\"id\":\"xx.junk\"}".getBytes(UTF_8));

    assertThat(live.rules()).containsExactly(BOAT);
    assertThat(registry.get(LiveRuleSet.RULES_REJECTED).counter().count()).isEqualTo(1.0);
  }

  private void start(List<Rule> initial) {
    live = LiveRuleSet.start(initial, ClassifierSettings.defaults(), registry, Runnable::run);
    startDriver();
    live.tableRestored();
  }

  private void startDriver() {
    PipelineSettings settings = PipelineSettings.defaults();
    Properties config = Pipeline.streamsConfig("test-driver:9092", settings, stateDir);
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    driver =
        new TopologyTestDriver(
            PipelineTopology.build(new StreamsBuilder(), live, settings, registry), config);
    rawPosts =
        driver.createInputTopic(
            Topics.POSTS_RAW, new StringSerializer(), new ByteArraySerializer());
    rules =
        driver.createInputTopic(Topics.RULES, new StringSerializer(), new ByteArraySerializer());
    scoredPosts =
        driver.createOutputTopic(
            Topics.POSTS_SCORED, new StringDeserializer(), new StringDeserializer());
  }

  private ScoredPost score(String text) {
    String id = String.valueOf(++nextId);
    Post post =
        new Post(
            1,
            null,
            "telegram",
            "rules_test",
            id,
            Optional.empty(),
            Optional.empty(),
            text,
            Optional.empty(),
            Optional.empty(),
            Instant.parse("2025-03-03T10:00:00Z"),
            List.of(),
            Optional.empty(),
            "ab12");
    rawPosts.pipeInput(post.key(), Json.write(post).getBytes(UTF_8));
    return Json.read(scoredPosts.readValue(), ScoredPost.class);
  }

  private static Rule rule(String id, String language, String query) {
    return new Rule(
        1, id, language, "crossing_offer", query, 4.0, Optional.empty(), List.of(), List.of());
  }

  private static byte[] json(Rule rule) {
    return Json.write(rule).getBytes(UTF_8);
  }
}

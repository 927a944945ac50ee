package org.crossingwatch.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Topics;
import org.crossingwatch.model.Verdict;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detection metrics the topology records, read back from a {@link SimpleMeterRegistry}. */
class DetectionMetricsTest {
  private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
  private static final String BOAT_AD =
      "قارب إلى إيطاليا كل يوم جمعة\nالدفع عند الوصول، مكان مضمون\nاتصل +218 91 234 5678";
  private static final String PASSPORT_AD =
      "پاسپورت و ویزای اروپا، تحویل در یک هفته، قیمت ۲۰۰۰ یورو، پرداخت بعد از رسیدن";
  private static final String UK_AD = "UK by lorry, garanti 100%, départ de Calais ce soir";
  private static final String NEWS = "Police arrest boat smugglers in Izmir, report says";
  private static final String BIKE = "Продам велосипед, почти новый";

  @TempDir Path stateDir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rawPosts;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void parsedPostsAreCountedByPlatformAndUnknownPlatformsAsOther() {
    start();

    pipe(
        post("telegram", "rihla_italia", "1", BIKE),
        post("telegram", "rihla_italia", "2", BIKE),
        post("Facebook", "group-771", "3", BIKE),
        post("myspace", "travel", "4", BIKE));

    assertThat(counts(PipelineMetrics.POSTS_PARSED, PipelineMetrics.PLATFORM_TAG))
        .isEqualTo(Map.of("telegram", 2.0, "facebook", 1.0, "other", 1.0));
  }

  @Test
  void newAlertsAreCountedByMainLanguageTopCategoryAndPlatform() {
    start();

    pipe(
        post("telegram", "rihla_italia", "1", BOAT_AD),
        post("tiktok", "safar.eu", "2", PASSPORT_AD),
        post("x", "calais_run", "3", UK_AD),
        post("rss", "izmir-news", "4", NEWS),
        post("telegram", "adverts", "5", BIKE));

    assertThat(detectionAlerts())
        .isEqualTo(
            Map.of(
                "ar/crossing_offer/telegram", 1.0,
                "other/documents/tiktok", 1.0,
                "und/guarantee/x", 1.0));
    assertThat(registry.get(PipelineMetrics.ALERTS_EMITTED).counter().count()).isEqualTo(3.0);
  }

  @Test
  void repostThatJoinsAnAlertIsNotCountedAsANewAlert() {
    start();

    pipe(
        post("telegram", "rihla_italia", "1", BOAT_AD),
        post("facebook", "safar-libya", "77", BOAT_AD, T0.plusSeconds(60)));

    assertThat(detectionAlerts()).isEqualTo(Map.of("ar/crossing_offer/telegram", 1.0));
    assertThat(registry.get(PipelineMetrics.ALERTS_UPDATED).counter().count()).isEqualTo(1.0);
  }

  @Test
  void everyScoredPostsScoreIsRecordedInPercentBucketsOfTen() {
    start();

    pipe(
        post("telegram", "rihla_italia", "1", BOAT_AD),
        post("tiktok", "safar.eu", "2", PASSPORT_AD),
        post("x", "calais_run", "3", UK_AD),
        post("rss", "izmir-news", "4", NEWS),
        post("telegram", "adverts", "5", BIKE));

    var snapshot = registry.get(PipelineMetrics.DETECTION_SCORE).summary().takeSnapshot();
    assertThat(snapshot.count()).isEqualTo(5);
    assertThat(
            Arrays.stream(snapshot.histogramCounts())
                .collect(toMap(CountAtBucket::bucket, CountAtBucket::count)))
        .isEqualTo(
            Map.of(
                10.0, 1.0, 20.0, 1.0, 30.0, 2.0, 40.0, 2.0, 50.0, 2.0, 60.0, 2.0, 70.0, 3.0, 80.0,
                3.0, 90.0, 4.0, 100.0, 5.0));
    assertThat(snapshot.total()).isEqualTo(2.0 + 88 + 61 + 25 + 97);
  }

  private void start() {
    PipelineSettings settings = PipelineSettings.defaults();
    Properties config = Pipeline.streamsConfig("test-driver:9092", settings, stateDir);
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    driver =
        new TopologyTestDriver(
            PipelineTopology.build(
                new StreamsBuilder(), ScriptedClassifier::new, settings, registry),
            config);
    rawPosts =
        driver.createInputTopic(
            Topics.POSTS_RAW, new StringSerializer(), new ByteArraySerializer());
  }

  private void pipe(Post... posts) {
    for (Post post : posts) {
      rawPosts.pipeInput(post.key(), Json.write(post).getBytes(UTF_8), post.collectedAt());
    }
  }

  private Map<String, Double> counts(String name, String tag) {
    return registry.find(name).counters().stream()
        .collect(toMap(c -> c.getId().getTag(tag), Counter::count));
  }

  /** New alerts as {@code language/category/platform} → count. */
  private Map<String, Double> detectionAlerts() {
    return registry.find(PipelineMetrics.DETECTION_ALERTS).counters().stream()
        .collect(
            toMap(
                c ->
                    c.getId().getTag(PipelineMetrics.LANGUAGE_TAG)
                        + "/"
                        + c.getId().getTag(PipelineMetrics.CATEGORY_TAG)
                        + "/"
                        + c.getId().getTag(PipelineMetrics.PLATFORM_TAG),
                Counter::count));
  }

  private static Post post(String platform, String channel, String id, String text) {
    return post(platform, channel, id, text, T0);
  }

  private static Post post(
      String platform, String channel, String id, String text, Instant collectedAt) {
    return new Post(
        1,
        null,
        platform,
        channel,
        id,
        Optional.empty(),
        Optional.empty(),
        text,
        Optional.empty(),
        Optional.empty(),
        collectedAt,
        List.of(),
        Optional.empty(),
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  }

  /**
   * Verdicts chosen by text: the Arabic boat ad's largest contribution is a phone, which is no rule
   * category, and its first hit is a price rule; the Persian passport ad carries a region tag the
   * detector does not know and two categories tied at the top; the English-French lorry ad has no
   * language and no contributions, only hits.
   */
  private static final class ScriptedClassifier implements PostClassifier {
    @Override
    public Verdict classify(Post post) {
      return switch (post.text()) {
        case BOAT_AD ->
            verdict(
                post,
                0.97,
                List.of("ar", "en"),
                Map.of("crossing_offer", 2.5, "price", 1.2, "entity_phone", 3.0, "news", -1.0),
                List.of(
                    new RuleHit("ar.price", "price", "ar", 1.2),
                    new RuleHit("ar.boat", "crossing_offer", "ar", 2.5)));
        case PASSPORT_AD ->
            verdict(
                post,
                0.88,
                List.of("fa-IR"),
                Map.of("documents", 1.0, "pay_on_arrival", 1.0, "crossing_offer", 0.4),
                List.of(new RuleHit("fa.passport", "documents", "fa", 1.0)));
        case UK_AD ->
            verdict(
                post,
                0.61,
                List.of(),
                Map.of(),
                List.of(
                    new RuleHit("any.guarantee", "guarantee", "any", 0.8),
                    new RuleHit("en.lorry", "crossing_offer", "en", 2.0)));
        case NEWS -> verdict(post, 0.25, List.of("en"), Map.of("news", -2.0), List.of());
        default -> verdict(post, 0.02, List.of("ru"), Map.of(), List.of());
      };
    }

    @Override
    public String ruleSetVersion() {
      return "test-detection-1";
    }

    private static Verdict verdict(
        Post post,
        double score,
        List<String> languages,
        Map<String, Double> contributions,
        List<RuleHit> hits) {
      return new Verdict(
          1,
          post.key(),
          score,
          score >= 0.5,
          hits,
          contributions,
          languages,
          "test-detection-1",
          T0,
          List.of());
    }
  }
}

package org.crossingwatch.stream.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Verdict;
import org.crossingwatch.stream.deadletter.DeadLetter;

/**
 * The pipeline's counters, registered on a Micrometer {@link MeterRegistry}. Names follow
 * Micrometer's dotted style and render in Prometheus as {@code crossingwatch_pipeline_..._total}
 * and {@code crossingwatch_detection_...}. Every tag value comes from a small fixed set, so the
 * series count stays bounded: {@code stage} is one of the stage names in {@link DeadLetter}; {@code
 * platform} one of a fixed list of platforms, {@code language} one of the languages the shipped
 * language detector knows, {@code category} a rule category; anything else is {@code other}, no
 * language {@code und} and no category {@code none}.
 *
 * <p>Two instances on the same registry share the same counters (Micrometer deduplicates meters by
 * name and tags), which is how the exception handlers that Kafka instantiates reflectively count
 * into the same series as the topology. Thread-safe.
 *
 * <p>Counts are of processing attempts: when exactly-once processing aborts a transaction and
 * reprocesses its records, they are counted again.
 */
public final class PipelineMetrics {
  /** Posts read from their JSON, tagged by {@code platform}. */
  public static final String POSTS_PARSED = "crossingwatch.pipeline.posts.parsed";

  /** Records sent to the dead-letter topic, tagged by {@code stage}. */
  public static final String POSTS_DEAD_LETTERED = "crossingwatch.pipeline.posts.dead.lettered";

  /** Posts written to the scored-posts topic. */
  public static final String POSTS_SCORED = "crossingwatch.pipeline.posts.scored";

  /** New alerts written to the alerts topic (first sighting of an ad). */
  public static final String ALERTS_EMITTED = "crossingwatch.pipeline.alerts.emitted";

  /**
   * Alert updates written because a repost joined the alert's cluster; the repost ratio is {@code
   * updated / (emitted + updated)}.
   */
  public static final String ALERTS_UPDATED = "crossingwatch.pipeline.alerts.updated";

  /** Time from a post's {@code collectedAt} to its alert (new or updated) being written. */
  public static final String ALERT_LATENCY = "crossingwatch.pipeline.alert.latency";

  /** Posts whose record was over the size limit, dead-lettered and still scored on their head. */
  public static final String POSTS_OVERSIZED = "crossingwatch.pipeline.posts.oversized";

  /** Entity link updates written to {@code cw.entities}. */
  public static final String ENTITY_LINKS = "crossingwatch.pipeline.entity.links";

  /** Posts whose text was too long and was scored on a truncated copy. */
  public static final String POSTS_TRUNCATED = "crossingwatch.pipeline.posts.truncated";

  /**
   * New alerts (as {@link #ALERTS_EMITTED}) tagged by the verdict's main {@code language}, the
   * {@code category} that contributed most to the score, and the post's {@code platform}.
   */
  public static final String DETECTION_ALERTS = "crossingwatch.detection.alerts";

  /**
   * The score of every scored post in whole percent (0 to 100), a distribution with a bucket per
   * ten percent. Percent, not the [0,1] probability: Micrometer rounds a distribution summary's
   * values up to whole numbers before it buckets them, so every score would land in bucket 1.
   */
  public static final String DETECTION_SCORE = "crossingwatch.detection.score";

  /** The tag on {@link #POSTS_DEAD_LETTERED}. */
  public static final String STAGE_TAG = "stage";

  /** The post's platform, on {@link #POSTS_PARSED} and {@link #DETECTION_ALERTS}. */
  public static final String PLATFORM_TAG = "platform";

  /** The verdict's main language, on {@link #DETECTION_ALERTS}. */
  public static final String LANGUAGE_TAG = "language";

  /** The top-contributing rule category, on {@link #DETECTION_ALERTS}. */
  public static final String CATEGORY_TAG = "category";

  private static final double[] SCORE_BUCKETS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

  private final MeterRegistry registry;
  private final Counter scored;
  private final Counter alerts;
  private final Counter truncated;
  private final Counter updated;
  private final Counter oversized;
  private final Counter entityLinks;
  private final Timer latency;
  private final DistributionSummary scores;
  private final ConcurrentMap<String, Counter> deadLettered = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> parsedByPlatform = new ConcurrentHashMap<>();

  private PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.scored = counter(POSTS_SCORED, "Posts scored and written to cw.posts.scored");
    this.alerts = counter(ALERTS_EMITTED, "Alerts written to cw.alerts");
    this.truncated = counter(POSTS_TRUNCATED, "Posts scored on a truncated copy of their text");
    this.updated = counter(ALERTS_UPDATED, "Alerts updated in cw.alerts by a repost");
    this.oversized =
        counter(POSTS_OVERSIZED, "Posts over the record size limit, scored on their head");
    this.entityLinks = counter(ENTITY_LINKS, "Entity link updates written to cw.entities");
    this.latency =
        Timer.builder(ALERT_LATENCY)
            .description("From a post's collectedAt to its alert in cw.alerts")
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .register(registry);
    this.scores =
        DistributionSummary.builder(DETECTION_SCORE)
            .description("Verdict scores of the posts written to cw.posts.scored, in percent")
            .baseUnit("percent")
            .serviceLevelObjectives(SCORE_BUCKETS)
            .register(registry);
    // Registered up front so dashboards show a zero instead of no data.
    DeadLetter.STAGES.forEach(this::deadLetterCounter);
  }

  /**
   * The counters on {@code registry}.
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public static PipelineMetrics on(MeterRegistry registry) {
    return new PipelineMetrics(Objects.requireNonNull(registry, "registry must not be null"));
  }

  /**
   * Counts one post read from its JSON by its platform.
   *
   * @throws NullPointerException if {@code platform} is null
   */
  public void postParsed(String platform) {
    Objects.requireNonNull(platform, "platform must not be null");
    parsedByPlatform
        .computeIfAbsent(
            DetectionLabels.platform(platform),
            p ->
                Counter.builder(POSTS_PARSED)
                    .description("Posts read from their JSON, by platform")
                    .tag(PLATFORM_TAG, p)
                    .register(registry))
        .increment();
  }

  /** Counts one record sent to the dead-letter topic by {@code stage}. */
  public void postDeadLettered(String stage) {
    deadLetterCounter(stage).increment();
  }

  /**
   * Counts one post written with its verdict and records the verdict's score, rounded to the whole
   * percent.
   *
   * @throws NullPointerException if {@code verdict} is null
   */
  public void postScored(Verdict verdict) {
    Objects.requireNonNull(verdict, "verdict must not be null");
    scored.increment();
    scores.record(Math.round(verdict.score() * 100));
  }

  /**
   * Counts one new alert, raised by {@code trigger}, by its language, category and platform.
   *
   * @throws NullPointerException if {@code trigger} is null
   */
  public void alertEmitted(ScoredPost trigger) {
    Objects.requireNonNull(trigger, "trigger must not be null");
    alerts.increment();
    Counter.builder(DETECTION_ALERTS)
        .description("New alerts by main language, top-contributing category and platform")
        .tag(LANGUAGE_TAG, DetectionLabels.language(trigger.verdict()))
        .tag(CATEGORY_TAG, DetectionLabels.category(trigger.verdict()))
        .tag(PLATFORM_TAG, DetectionLabels.platform(trigger.post().platform()))
        .register(registry)
        .increment();
  }

  /** Counts one alert updated by a repost. */
  public void alertUpdated() {
    updated.increment();
  }

  /** Records the time from collection to alert of one post. */
  public void alertLatency(Duration sinceCollected) {
    latency.record(sinceCollected.isNegative() ? Duration.ZERO : sinceCollected);
  }

  /** Counts one oversized post scored on its head. */
  public void postOversized() {
    oversized.increment();
  }

  /** Counts one entity link update written. */
  public void entityLinkPublished() {
    entityLinks.increment();
  }

  /** Counts one post scored on a truncated copy of its text. */
  public void postTruncated() {
    truncated.increment();
  }

  private Counter deadLetterCounter(String stage) {
    return deadLettered.computeIfAbsent(
        stage,
        s ->
            Counter.builder(POSTS_DEAD_LETTERED)
                .description("Records sent to cw.dlq, by the stage that rejected them")
                .tag(STAGE_TAG, s)
                .register(registry));
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}

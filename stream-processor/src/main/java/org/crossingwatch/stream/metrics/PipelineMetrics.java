package org.crossingwatch.stream.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.crossingwatch.stream.deadletter.DeadLetter;

/**
 * The pipeline's counters, registered on a Micrometer {@link MeterRegistry}. Names follow
 * Micrometer's dotted style and render in Prometheus as {@code crossingwatch_pipeline_..._total}.
 * The only tag is {@code stage} on the dead-letter counter, whose values are the few stage names in
 * {@link DeadLetter}, so the series count stays bounded.
 *
 * <p>Two instances on the same registry share the same counters (Micrometer deduplicates meters by
 * name and tags), which is how the exception handlers that Kafka instantiates reflectively count
 * into the same series as the topology. Thread-safe.
 *
 * <p>Counts are of processing attempts: when exactly-once processing aborts a transaction and
 * reprocesses its records, they are counted again.
 */
public final class PipelineMetrics {
  /** Posts read from their JSON. */
  public static final String POSTS_PARSED = "crossingwatch.pipeline.posts.parsed";

  /** Records sent to the dead-letter topic, tagged by {@code stage}. */
  public static final String POSTS_DEAD_LETTERED = "crossingwatch.pipeline.posts.dead.lettered";

  /** Posts written to the scored-posts topic. */
  public static final String POSTS_SCORED = "crossingwatch.pipeline.posts.scored";

  /** Alerts written to the alerts topic. */
  public static final String ALERTS_EMITTED = "crossingwatch.pipeline.alerts.emitted";

  /** Posts whose text was too long and was scored on a truncated copy. */
  public static final String POSTS_TRUNCATED = "crossingwatch.pipeline.posts.truncated";

  /** The tag on {@link #POSTS_DEAD_LETTERED}. */
  public static final String STAGE_TAG = "stage";

  private final MeterRegistry registry;
  private final Counter parsed;
  private final Counter scored;
  private final Counter alerts;
  private final Counter truncated;
  private final ConcurrentMap<String, Counter> deadLettered = new ConcurrentHashMap<>();

  private PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.parsed = counter(POSTS_PARSED, "Posts read from their JSON");
    this.scored = counter(POSTS_SCORED, "Posts scored and written to cw.posts.scored");
    this.alerts = counter(ALERTS_EMITTED, "Alerts written to cw.alerts");
    this.truncated = counter(POSTS_TRUNCATED, "Posts scored on a truncated copy of their text");
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

  /** Counts one post read from its JSON. */
  public void postParsed() {
    parsed.increment();
  }

  /** Counts one record sent to the dead-letter topic by {@code stage}. */
  public void postDeadLettered(String stage) {
    deadLetterCounter(stage).increment();
  }

  /** Counts one post written with its verdict. */
  public void postScored() {
    scored.increment();
  }

  /** Counts one alert written. */
  public void alertEmitted() {
    alerts.increment();
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

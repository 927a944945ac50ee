package org.crossingwatch.collectors.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * A collector's counters, all tagged with the source id; a no-op without a registry.
 *
 * <ul>
 *   <li>{@value #PUBLISHED}: posts committed to {@code cw.posts.raw};
 *   <li>{@value #SKIPPED}, tag {@code reason}: items skipped, by the source's bounded reason;
 *   <li>{@value #ERRORS}, tag {@code stage} ({@code checkpoint-load}, {@code source-read}, {@code
 *       publish}, {@code fatal}): failures, each retried except {@code fatal}.
 * </ul>
 */
public final class CollectorMetrics {
  public static final String PUBLISHED = "crossingwatch.collector.posts.published";
  public static final String SKIPPED = "crossingwatch.collector.posts.skipped";
  public static final String ERRORS = "crossingwatch.collector.errors";

  private final Optional<MeterRegistry> registry;
  private final String sourceId;

  public CollectorMetrics(Optional<MeterRegistry> registry, String sourceId) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
  }

  public void published(int posts) {
    registry.ifPresent(r -> counter(r, PUBLISHED).increment(posts));
  }

  public void skipped(String reason) {
    registry.ifPresent(r -> counter(r, SKIPPED, "reason", reason).increment());
  }

  public void error(String stage) {
    registry.ifPresent(r -> counter(r, ERRORS, "stage", stage).increment());
  }

  private Counter counter(MeterRegistry r, String name, String... tags) {
    return Counter.builder(name).tag("source", sourceId).tags(tags).register(r);
  }
}

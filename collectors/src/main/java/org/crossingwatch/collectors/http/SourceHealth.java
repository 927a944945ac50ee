package org.crossingwatch.collectors.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One source's fetch statistics, readable from any thread and published as meters tagged {@code
 * source}:
 *
 * <ul>
 *   <li>{@value #FETCHES}: HTTP requests sent;
 *   <li>{@value #FAILURES}, tag {@code kind}: failed requests ({@code timeout}, {@code network},
 *       {@code http-429}, {@code http-5xx}, {@code http-4xx}, {@code too-large}, {@code robots});
 *   <li>{@value #BACKOFF}: the retry wait in progress, in seconds (0 when not backing off);
 *   <li>{@value #FAILURES_IN_A_ROW}: failed requests since the last success;
 *   <li>{@value #SINCE_SUCCESS}: seconds since the last successful fetch (since start before one).
 * </ul>
 */
public final class SourceHealth {
  public static final String FETCHES = "crossingwatch.collector.fetches";
  public static final String FAILURES = "crossingwatch.collector.fetch.failures";
  public static final String BACKOFF = "crossingwatch.collector.backoff.seconds";
  public static final String FAILURES_IN_A_ROW = "crossingwatch.collector.failures.consecutive";
  public static final String SINCE_SUCCESS = "crossingwatch.collector.seconds.since.success";

  private final String sourceId;
  private final Optional<MeterRegistry> registry;
  private final Clock clock;
  private final AtomicLong fetches = new AtomicLong();
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final AtomicReference<Duration> backoff = new AtomicReference<>(Duration.ZERO);
  private final AtomicReference<Instant> lastSuccess;

  SourceHealth(String sourceId, Optional<MeterRegistry> registry, Clock clock) {
    this.sourceId = sourceId;
    this.registry = registry;
    this.clock = clock;
    this.lastSuccess = new AtomicReference<>(clock.instant());
    registry.ifPresent(
        r -> {
          Gauge.builder(BACKOFF, this, h -> h.backoff.get().toMillis() / 1000.0)
              .tag("source", sourceId)
              .register(r);
          Gauge.builder(FAILURES_IN_A_ROW, this, h -> h.failuresInARow.get())
              .tag("source", sourceId)
              .register(r);
          Gauge.builder(SINCE_SUCCESS, this, SourceHealth::secondsSinceSuccess)
              .tag("source", sourceId)
              .register(r);
        });
  }

  /** The source id these statistics are for. */
  public String sourceId() {
    return sourceId;
  }

  /** Requests sent so far. */
  public long fetches() {
    return fetches.get();
  }

  /** Failed requests since the last success. */
  public int failuresInARow() {
    return failuresInARow.get();
  }

  /** The retry wait in progress, zero when not backing off. */
  public Duration backoff() {
    return backoff.get();
  }

  /** Seconds since the last successful fetch, or since this source started before its first. */
  public double secondsSinceSuccess() {
    return Duration.between(lastSuccess.get(), clock.instant()).toMillis() / 1000.0;
  }

  void fetched() {
    fetches.incrementAndGet();
    registry.ifPresent(
        r -> Counter.builder(FETCHES).tag("source", sourceId).register(r).increment());
  }

  void failed(String kind) {
    failuresInARow.incrementAndGet();
    registry.ifPresent(
        r ->
            Counter.builder(FAILURES)
                .tag("source", sourceId)
                .tag("kind", kind)
                .register(r)
                .increment());
  }

  void backingOff(Duration wait) {
    backoff.set(wait);
  }

  void succeeded() {
    failuresInARow.set(0);
    backoff.set(Duration.ZERO);
    lastSuccess.set(clock.instant());
  }
}

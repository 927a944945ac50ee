package org.crossingwatch.delivery;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * What sinks share: one HTTP client, the timeout for each attempt and the clock (for webhook
 * timestamps).
 *
 * @param sinkName the sink's name from the configuration
 * @param http the shared HTTP client
 * @param timeout how long one attempt may take before it counts as failed
 * @param clock the clock
 */
public record SinkContext(String sinkName, HttpClient http, Duration timeout, Clock clock) {
  public SinkContext {
    requireNonNull(sinkName, "sinkName");
    requireNonNull(http, "http");
    requireNonNull(timeout, "timeout");
    requireNonNull(clock, "clock");
  }
}

package org.crossingwatch.collectors.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces request starts to one host by at least an interval. Each caller reserves the next free
 * slot and then waits for it outside the lock, so callers for other hosts never wait. Thread-safe.
 */
final class HostRateLimiter {
  private final long intervalNanos;
  private final Map<String, Long> nextSlot = new HashMap<>();

  HostRateLimiter(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  /** Reserves the next slot for {@code host}; returns how long to wait before using it. */
  synchronized Duration reserve(String host, long nowNanos) {
    long slot = Math.max(nowNanos, nextSlot.getOrDefault(host, nowNanos));
    nextSlot.put(host, slot + intervalNanos);
    return Duration.ofNanos(slot - nowNanos);
  }
}

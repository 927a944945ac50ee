package org.crossingwatch.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins per key (a remote address, a user name): after {@code maxFailures} failures
 * within {@code window}, further attempts for that key are refused until the oldest failure leaves
 * the window. A successful login clears the key. Thread-safe.
 */
public final class LoginThrottle {
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int maxFailures;
  private final Duration window;

  public LoginThrottle(Clock clock, int maxFailures, Duration window) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
    }
    this.maxFailures = maxFailures;
    this.window = Objects.requireNonNull(window, "window");
  }

  /** How long {@code key} must wait before trying again; zero when it may try now. */
  public Duration retryAfter(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    synchronized (times) {
      Instant now = clock.instant();
      while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
        times.pollFirst();
      }
      if (times.size() < maxFailures) {
        return Duration.ZERO;
      }
      return Duration.between(now, times.peekFirst().plus(window));
    }
  }

  /** Records a failed attempt for {@code key}. */
  public void failed(String key) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
    }
  }

  /** Forgets the failures of {@code key} after a successful login. */
  public void succeeded(String key) {
    failures.remove(key);
  }
}

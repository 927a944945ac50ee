package org.crossingwatch.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often and how patiently a message is retried before it is parked on {@code
 * cw.delivery.failed}. The wait before attempt {@code n+1} is {@code initialBackoff * 2^(n-1)},
 * capped at {@code maxBackoff}.
 *
 * @param attempts attempts in all, at least 1 (default 5)
 * @param initialBackoff the wait after the first failure (default 1s)
 * @param maxBackoff the longest wait (default 1m)
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {
  /** 5 attempts, waiting 1 s, 2 s, 4 s and 8 s in between. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1));

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException(
          "RetryPolicy attempts must be at least 1, was " + attempts);
    }
    requireNonNull(initialBackoff, "initialBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
  }

  /** The wait after failed attempt {@code attempt} (from 1). */
  public Duration backoffAfter(int attempt) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}

package org.crossingwatch.delivery.limits;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * At most {@code count} messages per {@code per} to one sink; the rest wait for a digest.
 *
 * @param count messages allowed in one window, at least 1
 * @param per the window's length, longer than zero
 */
public record RateLimit(int count, Duration per) {
  public RateLimit {
    if (count < 1) {
      throw new IllegalArgumentException("RateLimit count must be at least 1, was " + count);
    }
    requireNonNull(per, "per");
    if (per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("RateLimit per must be longer than zero, was " + per);
    }
  }
}

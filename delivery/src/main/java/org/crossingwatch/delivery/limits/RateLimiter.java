package org.crossingwatch.delivery.limits;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A fixed-window counter for one sink: the window opens at the first message after the previous
 * window ended and lets {@link RateLimit#count()} messages through. Not thread-safe: each sink's
 * worker owns its limiter.
 */
public final class RateLimiter {
  private final RateLimit limit;
  private Instant windowStart;
  private int used;

  /** A limiter that has let nothing through yet. */
  public RateLimiter(RateLimit limit) {
    this.limit = requireNonNull(limit, "limit");
  }

  /**
   * Takes one message's share of the current window.
   *
   * @return true when the message may go now, false when the window is used up
   */
  public boolean tryAcquire(Instant now) {
    requireNonNull(now, "now");
    if (windowStart == null || !now.isBefore(windowStart.plus(limit.per()))) {
      windowStart = now;
      used = 0;
    }
    if (used < limit.count()) {
      used++;
      return true;
    }
    return false;
  }
}

package org.crossingwatch.collectors.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, capped: the n-th consecutive failure waits between half and all
 * of {@code min(max, initial * 2^n)}, so many collectors failing together do not retry in step. Not
 * thread-safe.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier jitter;
  private int failures;

  /** A backoff with random jitter. */
  public Backoff(Duration initial, Duration max) {
    this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * A backoff whose jitter comes from {@code jitter}.
   *
   * @param jitter values in [0, 1]: 0 waits half the step, 1 the whole step
   */
  public Backoff(Duration initial, Duration max, DoubleSupplier jitter) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.max = Objects.requireNonNull(max, "max");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive, got " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "max backoff " + max + " must not be less than initial backoff " + initial);
    }
  }

  /** The wait before the next retry; each call counts one more consecutive failure. */
  public Duration next() {
    long step = max.toNanos();
    // Past 2^20 steps the cap has long been reached; stopping there avoids overflow.
    if (failures < 20) {
      step = Math.min(step, initial.toNanos() << failures);
    }
    failures++;
    double fraction = 0.5 + 0.5 * Math.max(0.0, Math.min(1.0, jitter.getAsDouble()));
    return Duration.ofNanos((long) (step * fraction));
  }

  /** Forgets the failures after a success. */
  public void reset() {
    failures = 0;
  }
}

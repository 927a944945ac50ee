package org.crossingwatch.collectors.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A wait that {@link #stop()} cuts short, so a closing fetcher never sleeps out a backoff. */
final class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);

  void stop() {
    stopped.countDown();
  }

  boolean stopped() {
    return stopped.getCount() == 0;
  }

  /** Waits {@code duration}; false when stopped (or interrupted) before it ran out. */
  boolean sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return !stopped();
    }
    try {
      return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

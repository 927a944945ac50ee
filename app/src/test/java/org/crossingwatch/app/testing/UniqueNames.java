package org.crossingwatch.app.testing;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Suffixes unique within this JVM (a counter) and across JVMs on one cluster (a random part). */
final class UniqueNames {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicLong COUNTER = new AtomicLong();

  private UniqueNames() {}

  static String next() {
    return String.format(Locale.ROOT, "%s-%d", RUN, COUNTER.incrementAndGet());
  }
}

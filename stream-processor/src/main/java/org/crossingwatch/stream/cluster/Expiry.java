package org.crossingwatch.stream.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes store entries not touched for longer than the retention. Runs on stream time, so expiry
 * follows the records' timestamps: replaying old data expires what old data would have, and a quiet
 * partition keeps its state until records arrive again. Deletes go through the store, so they are
 * in the changelog and in the same transaction as the output.
 */
public final class Expiry {
  private Expiry() {}

  /**
   * Schedules the purge of {@code store} on {@code context}, a quarter of the retention apart (at
   * most hourly, at least every second).
   */
  public static <V> void schedule(
      ProcessingContext context,
      KeyValueStore<String, V> store,
      Duration retention,
      ToLongFunction<V> touchedAt) {
    schedule(context, store, retention, touchedAt, (key, now) -> {});
  }

  /**
   * As {@link #schedule(ProcessingContext, KeyValueStore, Duration, ToLongFunction)}, telling
   * {@code onExpired} each deleted key and the stream time of the purge, after its delete.
   */
  public static <V> void schedule(
      ProcessingContext context,
      KeyValueStore<String, V> store,
      Duration retention,
      ToLongFunction<V> touchedAt,
      BiConsumer<String, Long> onExpired) {
    Duration interval = retention.dividedBy(4);
    if (interval.compareTo(Duration.ofHours(1)) > 0) {
      interval = Duration.ofHours(1);
    } else if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      interval = Duration.ofSeconds(1);
    }
    context.schedule(
        interval,
        PunctuationType.STREAM_TIME,
        now ->
            purge(store, now - retention.toMillis(), touchedAt)
                .forEach(key -> onExpired.accept(key, now)));
  }

  /** Deletes the entries last touched before {@code cutoff} (epoch ms); returns their keys. */
  static <V> List<String> purge(
      KeyValueStore<String, V> store, long cutoff, ToLongFunction<V> touchedAt) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> entry = all.next();
        if (touchedAt.applyAsLong(entry.value) < cutoff) {
          expired.add(entry.key);
        }
      }
    }
    expired.forEach(store::delete);
    return expired;
  }
}

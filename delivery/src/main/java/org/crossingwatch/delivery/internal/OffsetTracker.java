package org.crossingwatch.delivery.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition are done, so the consumer commits only past records whose every
 * sink accepted (or parked) them: the committable offset of a partition is its lowest open offset,
 * or the one after the highest seen when none is open. Thread-safe: sink workers finish offsets
 * while the consumer thread starts and commits them.
 */
final class OffsetTracker {
  private static final class Progress {
    final TreeSet<Long> open = new TreeSet<>();
    long next = -1;
    long committed = -1;
  }

  private final Map<TopicPartition, Progress> partitions = new HashMap<>();

  synchronized void started(TopicPartition partition, long offset) {
    Progress p = partitions.computeIfAbsent(partition, k -> new Progress());
    p.open.add(offset);
    p.next = Math.max(p.next, offset + 1);
  }

  /** Marks an offset done; offsets of partitions forgotten since are ignored. */
  synchronized void finished(TopicPartition partition, long offset) {
    Progress p = partitions.get(partition);
    if (p != null) {
      p.open.remove(offset);
    }
  }

  /** The offsets to commit now: those that moved since the last {@link #committed}. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    partitions.forEach(
        (partition, p) -> {
          long candidate = p.open.isEmpty() ? p.next : p.open.first();
          if (candidate > p.committed) {
            offsets.put(partition, new OffsetAndMetadata(candidate));
          }
        });
    return offsets;
  }

  /** Records that {@code offsets} were committed. */
  synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          Progress p = partitions.get(partition);
          if (p != null) {
            p.committed = Math.max(p.committed, offset.offset());
          }
        });
  }

  synchronized void forget(Collection<TopicPartition> revoked) {
    revoked.forEach(partitions::remove);
  }

  /** How many records are started and not finished. */
  synchronized int openCount() {
    return partitions.values().stream().mapToInt(p -> p.open.size()).sum();
  }
}

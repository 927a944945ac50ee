package org.crossingwatch.delivery.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.limits.RepostGate;
import org.crossingwatch.delivery.routing.Router;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.DeadLetterHeaders;
import org.crossingwatch.model.InvalidJsonException;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery consumer of {@code cw.alerts}: decides (repost gate), routes, hands each alert to
 * its sinks' workers and commits an offset only once every sink of every earlier record accepted or
 * parked it. Runs on its own thread; {@link #stop} drains and commits.
 */
public final class AlertConsumer implements Runnable {
  /** Above this many unfinished records the consumer pauses, so memory stays bounded. */
  static final int MAX_OPEN_RECORDS = 100_000;

  private static final Logger LOG = LoggerFactory.getLogger(AlertConsumer.class);

  private final Consumer<byte[], byte[]> consumer;
  private final Supplier<Consumer<byte[], byte[]>> restoreReaders;
  private final Map<String, SinkWorker> workers;
  private final Router router;
  private final RepostGate gate;
  private final Outcomes outcomes;
  private final Duration drainTimeout;
  private final OffsetTracker tracker = new OffsetTracker();
  private final Set<TopicPartition> restored = new HashSet<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  /**
   * @param consumer the group consumer of {@code cw.alerts} (auto-commit off, read_committed)
   * @param restoreReaders makes a group-less consumer to replay history into the gate
   * @param workers the sink workers by sink name
   * @param drainTimeout how long {@link #stop} waits for sends in progress
   */
  public AlertConsumer(
      Consumer<byte[], byte[]> consumer,
      Supplier<Consumer<byte[], byte[]>> restoreReaders,
      Map<String, SinkWorker> workers,
      Router router,
      RepostGate gate,
      Outcomes outcomes,
      Duration drainTimeout) {
    this.consumer = consumer;
    this.restoreReaders = restoreReaders;
    this.workers = Map.copyOf(workers);
    this.router = router;
    this.gate = gate;
    this.outcomes = outcomes;
    this.drainTimeout = drainTimeout;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS), new Rebalance());
      while (!stopping) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          handle(record);
        }
        commit();
        applyBackpressure();
      }
      drain();
    } catch (WakeupException e) {
      if (!stopping) {
        throw e;
      }
      drain();
    } catch (RuntimeException e) {
      LOG.error("Delivery consumer stopped by an error; undelivered alerts stay uncommitted", e);
    } finally {
      consumer.close();
      stopped.countDown();
    }
  }

  /** Stops polling, waits up to the drain timeout for sends in progress, commits, and returns. */
  public void stop() throws InterruptedException {
    stopping = true;
    consumer.wakeup();
    stopped.await();
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    long offset = record.offset();
    tracker.started(partition, offset);
    if (record.value() == null) {
      tracker.finished(partition, offset);
      return;
    }
    Alert alert;
    try {
      alert = Json.read(record.value(), Alert.class);
    } catch (InvalidJsonException e) {
      LOG.warn("Dead-lettering undecodable alert at {}@{}: {}", partition, offset, e.getMessage());
      outcomes.deadLetter(deadLetter(record, e));
      tracker.finished(partition, offset);
      return;
    }
    RepostGate.Decision decision = gate.decide(alert);
    List<String> sinks = decision == RepostGate.Decision.SKIP ? List.of() : router.sinksFor(alert);
    if (decision == RepostGate.Decision.SKIP) {
      outcomes.skipped();
    }
    if (sinks.isEmpty()) {
      tracker.finished(partition, offset);
      return;
    }
    Notification.Kind kind =
        decision == RepostGate.Decision.NEW ? Notification.Kind.NEW : Notification.Kind.REPOST;
    AtomicInteger remaining = new AtomicInteger(sinks.size());
    Runnable done =
        () -> {
          if (remaining.decrementAndGet() == 0) {
            tracker.finished(partition, offset);
          }
        };
    for (String sink : sinks) {
      workers.get(sink).submit(new SinkWorker.Job(alert, kind, done));
    }
  }

  private void commit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = tracker.committable();
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
      tracker.committed(offsets);
    }
  }

  private void applyBackpressure() {
    Set<TopicPartition> assigned = consumer.assignment();
    if (tracker.openCount() > MAX_OPEN_RECORDS) {
      consumer.pause(assigned);
    } else if (!consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  private void drain() {
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    while (System.nanoTime() < deadline && !workers.values().stream().allMatch(SinkWorker::idle)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    commit();
  }

  private static ProducerRecord<byte[], byte[]> deadLetter(
      ConsumerRecord<byte[], byte[]> record, InvalidJsonException e) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.STAGE, "delivery".getBytes(UTF_8));
    headers.add(DeadLetterHeaders.EXCEPTION, e.getClass().getName().getBytes(UTF_8));
    headers.add(DeadLetterHeaders.REASON, e.getMessage().getBytes(UTF_8));
    headers.add(DeadLetterHeaders.TOPIC, record.topic().getBytes(UTF_8));
    headers.add(DeadLetterHeaders.PARTITION, Integer.toString(record.partition()).getBytes(UTF_8));
    headers.add(DeadLetterHeaders.OFFSET, Long.toString(record.offset()).getBytes(UTF_8));
    return new ProducerRecord<>(Topics.DLQ, null, record.key(), record.value(), headers);
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commit();
      tracker.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Set<TopicPartition> fresh = new HashSet<>(partitions);
      fresh.removeAll(restored);
      if (fresh.isEmpty()) {
        return;
      }
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(fresh);
      try (Consumer<byte[], byte[]> reader = restoreReaders.get()) {
        GateRestorer.restore(reader, committed, gate);
      }
      restored.addAll(fresh);
    }
  }
}

package org.crossingwatch.console.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossingwatch.console.search.SearchIndex;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the console's topics from their beginning ({@code read_committed}, no consumer group) into
 * the {@link AlertStore} and the {@link SearchIndex}, then follows them. A record that cannot be
 * read is logged, counted ({@code crossingwatch.console.records.skipped}) and skipped. Topics that
 * do not exist yet are picked up once they do. Runs on one thread named {@code cw-console-reader}.
 */
public final class TopicReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
  private static final Duration REDISCOVER_EVERY = Duration.ofSeconds(2);

  private final KafkaConsumer<String, byte[]> consumer;
  private final ConsoleTopics topics;
  private final AlertStore store;
  private final SearchIndex index;
  private final Counter skipped;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean caughtUp = new AtomicBoolean(false);
  private final Set<TopicPartition> assigned = new HashSet<>();
  private Map<TopicPartition, Long> startupEnd = null;

  private TopicReader(
      String bootstrapServers,
      ConsoleTopics topics,
      AlertStore store,
      SearchIndex index,
      MeterRegistry registry) {
    this.topics = topics;
    this.store = store;
    this.index = index;
    this.skipped = registry.counter("crossingwatch.console.records.skipped");
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "crossingwatch-console-reader",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            false);
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "cw-console-reader");
    this.thread.setDaemon(true);
  }

  /** Starts reading on its own thread. */
  public static TopicReader start(
      String bootstrapServers,
      ConsoleTopics topics,
      AlertStore store,
      SearchIndex index,
      MeterRegistry registry) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    TopicReader reader =
        new TopicReader(
            bootstrapServers,
            Objects.requireNonNull(topics, "topics"),
            Objects.requireNonNull(store, "store"),
            Objects.requireNonNull(index, "index"),
            Objects.requireNonNull(registry, "registry"));
    reader.thread.start();
    return reader;
  }

  /**
   * True once everything that was on the topics when the reader first found them has been read: the
   * feed, search and history are complete from then on.
   */
  public boolean caughtUp() {
    return caughtUp.get();
  }

  private void run() {
    long nextDiscovery = 0;
    try {
      while (running.get()) {
        if (System.nanoTime() >= nextDiscovery) {
          discover();
          nextDiscovery = System.nanoTime() + REDISCOVER_EVERY.toNanos();
        }
        if (assigned.isEmpty()) {
          Thread.sleep(200);
        } else {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            apply(record);
          }
        }
        if (!caughtUp.get() && startupEnd != null) {
          boolean done =
              startupEnd.entrySet().stream()
                  .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
          if (done) {
            index.refresh();
            caughtUp.set(true);
            LOG.info("Console view caught up with {}", topics.all());
          }
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Console topic reader stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void discover() {
    List<TopicPartition> fresh = new ArrayList<>();
    for (String topic : topics.all()) {
      List<PartitionInfo> partitions;
      try {
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        LOG.warn("Cannot list partitions of {} yet: {}", topic, e.getMessage());
        continue;
      }
      for (PartitionInfo p : partitions == null ? List.<PartitionInfo>of() : partitions) {
        TopicPartition tp = new TopicPartition(p.topic(), p.partition());
        if (!assigned.contains(tp)) {
          fresh.add(tp);
        }
      }
    }
    if (!fresh.isEmpty()) {
      assigned.addAll(fresh);
      consumer.assign(List.copyOf(assigned));
      consumer.seekToBeginning(fresh);
    }
    if (startupEnd == null) {
      // What "caught up" means is fixed by the first look: later records are live traffic.
      startupEnd = assigned.isEmpty() ? Map.of() : new HashMap<>(consumer.endOffsets(assigned));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    try {
      if (record.topic().equals(topics.alerts())) {
        if (record.value() == null) {
          store.remove(record.key());
          index.delete(record.key());
        } else {
          AlertRecord alert = AlertRecord.parse(record.value());
          index.add(alert);
          store.upsert(alert);
        }
      } else if (record.value() == null) {
        skip(record, "tombstone where none is expected");
      } else if (record.topic().equals(topics.feedback())) {
        store.decide(Json.read(record.value(), Decision.class));
      } else if (record.topic().equals(topics.audit())) {
        store.audit(Json.read(record.value(), AuditEvent.class));
      }
    } catch (IllegalArgumentException e) {
      skip(record, e.getMessage());
    }
  }

  private void skip(ConsumerRecord<String, byte[]> record, String why) {
    skipped.increment();
    LOG.warn(
        "Skipped {}-{}@{} (key '{}'): {}",
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        why);
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.crossingwatch.collectors;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.crossingwatch.collectors.internal.HangingTransactions;
import org.crossingwatch.collectors.internal.KafkaClientConfigs;
import org.crossingwatch.model.InvalidJsonException;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Topics;

/**
 * Reads a source's latest checkpoint from {@code cw.collector.state} with a {@code read_committed}
 * consumer: it assigns every partition of the topic, seeks to the beginning and reads until its
 * position reaches the high watermark taken when the load began, keeping the last value for the
 * source id. A tombstone resets the source; a missing topic reads as "no checkpoint".
 *
 * <p>Why the high watermark and not {@code endOffsets} of the {@code read_committed} consumer: that
 * is the <em>last stable offset</em>, which stops before any transaction still open, including
 * another source's; a checkpoint this source committed after that point would be missed and its
 * posts published twice. Reading to the high watermark waits for the transactions open at load time
 * to finish instead (the runner registers its own producer first, which aborts a transaction its
 * predecessor left open). Records of aborted transactions are never returned. When a load made by
 * {@link #forBootstrapServers} stalls anyway, the transactions the source's own producer left
 * hanging on {@code cw.collector.state} and {@code cw.posts.raw} are aborted ({@link
 * HangingTransactions}) so that the next load gets past them.
 *
 * <p>Each {@link #load} opens and closes its own consumers, so the store is thread-safe and holds
 * no connection between loads.
 */
public final class KafkaCheckpointStore implements CheckpointStore {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Function<IsolationLevel, ? extends Consumer<String, byte[]>> consumers;
  private final Duration timeout;
  private final Optional<Supplier<Admin>> admins;

  /**
   * A store over the consumers {@code consumers} makes: group-less, {@code String} keys, {@code
   * byte[]} values, with the isolation level asked for ({@code read_uncommitted} is only asked for
   * the high watermark).
   *
   * @param timeout how long one {@link #load} may take before it throws {@link TimeoutException}
   */
  public KafkaCheckpointStore(
      Function<IsolationLevel, ? extends Consumer<String, byte[]>> consumers, Duration timeout) {
    this(consumers, timeout, Optional.empty());
  }

  private KafkaCheckpointStore(
      Function<IsolationLevel, ? extends Consumer<String, byte[]>> consumers,
      Duration timeout,
      Optional<Supplier<Admin>> admins) {
    this.consumers = Objects.requireNonNull(consumers, "consumers");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.admins = admins;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** A store reading from the cluster at {@code bootstrapServers}, 60 seconds per load. */
  public static KafkaCheckpointStore forBootstrapServers(String bootstrapServers) {
    return forBootstrapServers(() -> bootstrapServers, Duration.ofSeconds(60));
  }

  /**
   * A store reading from the cluster at the address {@code bootstrapServers} gives when each {@link
   * #load} starts, so a cluster that comes back at another address is found again. One load, and
   * each consumer call in it, may take up to {@code timeout} (at least 1 s).
   */
  public static KafkaCheckpointStore forBootstrapServers(
      Supplier<String> bootstrapServers, Duration timeout) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Map<String, Object> timeouts = KafkaClientConfigs.consumerTimeouts(timeout);
    return new KafkaCheckpointStore(
        level -> {
          Map<String, Object> config =
              new HashMap<>(KafkaClientConfigs.checkpointConsumer(bootstrapServers.get(), level));
          config.putAll(timeouts);
          return new KafkaConsumer<String, byte[]>(config);
        },
        timeout,
        Optional.of(
            () ->
                Admin.create(
                    Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaClientConfigs.bootstrapServers(bootstrapServers.get()),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        (int) timeout.toMillis(),
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        (int) timeout.toMillis()))));
  }

  /**
   * {@inheritDoc}
   *
   * @throws TimeoutException when the topic cannot be read to its end within the timeout
   * @throws IllegalStateException when the latest checkpoint for the source is unreadable: resuming
   *     from an older one would republish posts, so this is not guessed around
   */
  @Override
  public Optional<Checkpoint> load(String sourceId) {
    Objects.requireNonNull(sourceId, "sourceId");
    try (Consumer<String, byte[]> consumer = consumers.apply(IsolationLevel.READ_COMMITTED)) {
      List<PartitionInfo> infos = consumer.partitionsFor(Topics.COLLECTOR_STATE, timeout);
      if (infos == null || infos.isEmpty()) {
        return Optional.empty();
      }
      List<TopicPartition> partitions =
          infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      Map<TopicPartition, Long> ends = highWatermarks(partitions);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      Map<Integer, ConsumerRecord<String, byte[]>> latestPerPartition = new HashMap<>();
      while (!caughtUp(consumer, ends)) {
        if (System.nanoTime() - deadline > 0) {
          throw new TimeoutException(
              "Could not read "
                  + Topics.COLLECTOR_STATE
                  + " to its high watermarks "
                  + ends
                  + " within "
                  + timeout
                  + abortHangingTransactions(sourceId));
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (sourceId.equals(record.key())) {
            latestPerPartition.put(record.partition(), record);
          }
        }
      }
      // A source's key spreads over several partitions only if the partition count changed; then
      // the latest updatedAt wins. Within a partition the later record always wins.
      // Only the latest record per partition is parsed: an older unreadable one does not matter.
      return latestPerPartition.values().stream()
          .map(KafkaCheckpointStore::parse)
          .flatMap(Optional::stream)
          .max(Comparator.comparing(Checkpoint::updatedAt));
    }
  }

  /**
   * When the read stalled, aborts the transactions this source's producer left hanging on its
   * checkpoint and post partitions (the runner has registered a fresh producer and begun nothing
   * when it loads), so that the next load gets past them; says what it did for the error message.
   */
  private String abortHangingTransactions(String sourceId) {
    if (admins.isEmpty()) {
      return "";
    }
    try (Admin admin = admins.get().get()) {
      List<String> aborted =
          HangingTransactions.abortOwn(
              admin,
              KafkaClientConfigs.transactionalId(sourceId),
              List.of(Topics.COLLECTOR_STATE, Topics.POSTS_RAW),
              timeout);
      return aborted.isEmpty()
          ? ""
          : "; aborted the hanging transactions of its producer on " + aborted;
    } catch (KafkaException e) {
      return "; could not look for hanging transactions: "
          + e.getMessage()
          + (e.getCause() == null ? "" : ": " + e.getCause().getMessage());
    }
  }

  private Map<TopicPartition, Long> highWatermarks(List<TopicPartition> partitions) {
    try (Consumer<String, byte[]> uncommitted = consumers.apply(IsolationLevel.READ_UNCOMMITTED)) {
      return uncommitted.endOffsets(partitions, timeout);
    }
  }

  private static boolean caughtUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Checkpoint> parse(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(record.value(), Checkpoint.class));
    } catch (InvalidJsonException e) {
      throw new IllegalStateException(
          "Unreadable checkpoint for source '"
              + record.key()
              + "' at "
              + record.topic()
              + "-"
              + record.partition()
              + "@"
              + record.offset()
              + ": "
              + e.getMessage()
              + " (value: "
              + new String(record.value(), UTF_8)
              + ")",
          e);
    }
  }
}

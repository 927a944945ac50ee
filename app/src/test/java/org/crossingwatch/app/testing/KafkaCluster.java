package org.crossingwatch.app.testing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;

/**
 * A running Kafka cluster for integration tests, injected by {@link KafkaBrokerExtension}. It is
 * shared by every test of the JVM, so tests name their topics with {@link #uniqueTopic(String)} and
 * never rely on the cluster being empty.
 */
public interface KafkaCluster {
  /** The {@code bootstrap.servers} value for clients, {@code host:port}. */
  String bootstrapServers();

  /**
   * A topic name no other test of this JVM uses: {@code prefix}, a dash and a unique suffix.
   *
   * @param prefix a readable start, letters, digits, {@code .}, {@code _} or {@code -}
   */
  default String uniqueTopic(String prefix) {
    requireNonNull(prefix, "prefix");
    if (!prefix.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new IllegalArgumentException(
          "Topic prefix must be 1..200 of [A-Za-z0-9._-], was '" + prefix + "'");
    }
    return prefix + "-" + UniqueNames.next();
  }

  /** A suffix no other call in this JVM returns, for group ids, transactional ids and the like. */
  default String uniqueSuffix() {
    return UniqueNames.next();
  }

  /**
   * Creates topics with one partition each and waits until the cluster has them.
   *
   * @throws IllegalStateException if a topic cannot be created, for example because it exists
   */
  default void createTopics(String... names) {
    createTopics(1, names);
  }

  /**
   * Creates topics with {@code partitions} partitions each and waits until the cluster has them.
   *
   * @throws IllegalStateException if a topic cannot be created, for example because it exists
   */
  default void createTopics(int partitions, String... names) {
    List<NewTopic> topics =
        Arrays.stream(names)
            .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty()))
            .toList();
    try (Admin admin = Admin.create(adminConfig())) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics " + topics, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Could not create topics " + Arrays.toString(names) + ": " + e.getMessage(), e);
    }
  }

  /** The smallest client config that reaches this cluster, for Admin, producers and consumers. */
  default Map<String, Object> adminConfig() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /**
   * Reads a one-partition topic from its beginning as a {@code read_committed} consumer until
   * {@code expected} records came, then polls once more so that records beyond those show up too.
   * Gives up after 30 s, returning what it read, so the caller's assertion shows what is missing.
   *
   * @return keys and values in offset order, as UTF-8 strings
   */
  default List<KeyValue<String, String>> readCommitted(String topic, int expected) {
    List<KeyValue<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = readCommittedConsumer()) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
          read.add(KeyValue.pair(r.key(), r.value()));
        }
      }
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
        read.add(KeyValue.pair(r.key(), r.value()));
      }
    }
    return read;
  }

  /**
   * Reads a one-partition topic from its beginning up to its last stable offset as a {@code
   * read_committed} consumer: every record committed when the call began, without waiting for more.
   * Gives up after 30 s, returning what it read.
   *
   * @return keys and values in offset order, as UTF-8 strings
   */
  default List<KeyValue<String, String>> readCommittedToEnd(String topic) {
    List<KeyValue<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = readCommittedConsumer()) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
          read.add(KeyValue.pair(r.key(), r.value()));
        }
      }
    }
    return read;
  }

  private KafkaConsumer<String, String> readCommittedConsumer() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}

package org.crossingwatch.app.process;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.Topics;

/**
 * Makes the compacted {@code cw.rules} topic hold exactly the rules of a rule directory: every rule
 * whose JSON differs from the topic's latest value is upserted, and every id on the topic that the
 * directory no longer has gets a tombstone. Unchanged rules are not written again, so publishing
 * the same directory twice writes nothing. Every running pipeline picks the change up within
 * seconds (see {@code org.crossingwatch.stream.rules.LiveRuleSet}).
 */
public final class RulePublisher {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrapServers;

  /**
   * @param bootstrapServers the Kafka cluster, {@code host:port[,...]}
   */
  public RulePublisher(String bootstrapServers) {
    this.bootstrapServers =
        Objects.requireNonNull(bootstrapServers, "bootstrapServers must not be null");
  }

  /** What one publication changed. */
  public record Published(List<String> upserted, List<String> deleted) {
    public Published {
      upserted = List.copyOf(upserted);
      deleted = List.copyOf(deleted);
    }
  }

  /**
   * Publishes every rule file of a directory (or one file).
   *
   * @throws RuleLoadException listing every problem in the files; nothing is published then
   * @throws IOException if a file cannot be read
   */
  public Published publish(Path rulesDirectory) throws RuleLoadException, IOException {
    return publish(RulePackLoader.load(rulesDirectory));
  }

  /**
   * Makes {@code cw.rules} hold exactly {@code rules}.
   *
   * @return the ids upserted and the ids deleted, each sorted
   */
  public Published publish(List<Rule> rules) {
    Objects.requireNonNull(rules, "rules must not be null");
    Map<String, String> wanted = new TreeMap<>();
    rules.forEach(rule -> wanted.put(rule.id(), Json.write(rule)));
    Map<String, String> onTopic = latestValues();
    List<String> upserted = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      wanted.forEach(
          (id, json) -> {
            if (!json.equals(onTopic.get(id))) {
              producer.send(new ProducerRecord<>(Topics.RULES, id, json.getBytes(UTF_8)));
              upserted.add(id);
            }
          });
      Set<String> gone = new HashSet<>(onTopic.keySet());
      gone.removeAll(wanted.keySet());
      gone.stream()
          .sorted()
          .forEach(
              id -> {
                producer.send(new ProducerRecord<>(Topics.RULES, id, null));
                deleted.add(id);
              });
      producer.flush();
    }
    return new Published(upserted, deleted);
  }

  /**
   * The live rule set: the latest value of every id on {@code cw.rules}, read to the topic's end.
   *
   * @return rule id to the rule's JSON as published, sorted by id; tombstoned ids are absent
   */
  public Map<String, String> liveRules() {
    return latestValues();
  }

  /** The latest value of every live id on the topic; tombstoned ids are absent. */
  private Map<String, String> latestValues() {
    Map<String, String> latest = new TreeMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.RULES, READ_TIMEOUT).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Could not read " + Topics.RULES + " to its end within " + READ_TIMEOUT);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), new String(record.value(), UTF_8));
          }
        }
      }
    }
    return latest;
  }

  private static boolean caughtUp(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}

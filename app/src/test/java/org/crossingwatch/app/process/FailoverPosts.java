package org.crossingwatch.app.process;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;

/**
 * The posts of the failure tests: post {@code i} alerts for {@link PassageClassifier} when {@code
 * i} is a multiple of {@value #ALERT_EVERY}, each with words of its own so none is a repost; and
 * the read-back of what the pipeline committed.
 */
final class FailoverPosts {
  static final int ALERT_EVERY = 50;

  private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private FailoverPosts() {}

  /** The alert ids the first {@code posts} posts must raise, one per alerting post. */
  static List<String> expectedAlertIds(int posts) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < posts; i += ALERT_EVERY) {
      ids.add(Alert.idFor(post(i).key()));
    }
    return ids;
  }

  /**
   * Writes posts {@code from} (inclusive) to {@code to} to cw.posts.raw and waits until the broker
   * has every one of them.
   *
   * <p>One request in flight per connection: a first batch turned away while a new topic's leader
   * is still being elected must not be overtaken by later batches, which the broker would accept
   * and then refuse the retried first one as out of order for ever.
   *
   * @throws IllegalStateException if any post could not be written
   */
  static void produce(String servers, int from, int to) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1,
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = from; i < to; i++) {
        Post post = post(i);
        producer.send(
            new ProducerRecord<>(Topics.POSTS_RAW, post.key(), Json.write(post)),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "Posts " + from + " to " + to + " were not all written", failure.get());
    }
  }

  /**
   * Post {@code i}: every ALERT_EVERY-th alerts, each with words of its own so none is a repost.
   */
  static Post post(int i) {
    StringBuilder text = new StringBuilder(i % ALERT_EVERY == 0 ? "passage" : "annonce");
    for (int k = 0; k < 6; k++) {
      text.append(' ').append(word(i * 6 + k));
    }
    return new Post(
        1,
        null,
        "telegram",
        "channel_" + (i % 7),
        String.valueOf(i),
        Optional.empty(),
        Optional.empty(),
        text.toString(),
        Optional.empty(),
        Optional.empty(),
        Instant.parse("2025-03-04T00:00:00Z").plusSeconds(i),
        List.of(),
        Optional.empty(),
        "ab12");
  }

  private static String word(int n) {
    StringBuilder word = new StringBuilder("w");
    do {
      word.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return word.toString();
  }

  /**
   * Where the pipeline stands, for a failure message: per input partition the group's committed
   * offset against the log end, and how many of the first {@code posts} posts have no verdict in
   * {@code verdicts}, with a few of their keys and the input partition each was written to.
   */
  static String progress(
      String servers, String applicationId, int posts, Map<String, Integer> verdicts) {
    StringBuilder report = new StringBuilder();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends = new TreeMap<>(BY_TOPIC_AND_PARTITION);
      ends.putAll(admin.listOffsets(latest).all().get());
      ends.forEach(
          (tp, end) ->
              report
                  .append(tp)
                  .append(" committed ")
                  .append(committed.get(tp) == null ? "-" : committed.get(tp).offset())
                  .append(" of ")
                  .append(end.offset())
                  .append('\n'));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      report.append("interrupted while reading offsets\n");
    } catch (ExecutionException e) {
      report.append("offsets unavailable: ").append(e.getCause()).append('\n');
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < posts; i++) {
      String key = post(i).key();
      if (!verdicts.containsKey(key)) {
        missing.add(key + "@" + BuiltInPartitioner.partitionForKey(key.getBytes(UTF_8), 4));
      }
    }
    return report
        .append(missing.size())
        .append(" posts without a verdict, first: ")
        .append(missing.subList(0, Math.min(10, missing.size())))
        .toString();
  }

  /**
   * Reads every partition of {@code topic} from the beginning, read_committed, until at least
   * {@code expected} records came and a second of polling brought nothing new, or two minutes
   * passed.
   */
  static Map<String, Integer> countByKey(String servers, String topic, int expected) {
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed".toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      int read = 0;
      int quietPolls = 0;
      // A bound, not a timing claim: after an outage the pipeline catches up at its own pace.
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (System.nanoTime() < deadline && (read < expected || quietPolls < 5)) {
        int before = read;
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          counts.merge(r.key(), 1, Integer::sum);
          read++;
        }
        quietPolls = read == before ? quietPolls + 1 : 0;
      }
    }
    return counts;
  }
}

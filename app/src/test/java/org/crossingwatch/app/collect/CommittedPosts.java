package org.crossingwatch.app.collect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;

/**
 * What a {@code read_committed} consumer of {@code cw.posts.raw} sees right now: every committed
 * post, across all partitions, from the beginning to the last stable offsets.
 */
final class CommittedPosts {
  private CommittedPosts() {}

  static List<Post> read(String bootstrapServers) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<Post> posts = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.POSTS_RAW, Duration.ofSeconds(30)).stream()
              .map(info -> new TopicPartition(Topics.POSTS_RAW, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          posts.add(Json.read(record.value(), Post.class));
        }
      }
    }
    return posts;
  }

  /** How often each key occurs among the committed posts {@code which} accepts, by key. */
  static Map<String, Integer> keyCounts(String bootstrapServers, Predicate<Post> which) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Post post : read(bootstrapServers)) {
      if (which.test(post)) {
        counts.merge(post.key(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
  }
}

package org.crossingwatch.app.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;

/** Posts on {@code cw.posts.raw} as a collector publishes them, for tests that feed a processor. */
final class RawPosts {
  private RawPosts() {}

  /** A Telegram post with only the fields a collector always fills. */
  static Post telegram(String channel, String externalId, String text, Instant collectedAt) {
    return new Post(
        1,
        null,
        "telegram",
        channel,
        externalId,
        Optional.empty(),
        Optional.empty(),
        text,
        Optional.empty(),
        Optional.empty(),
        collectedAt,
        List.of(),
        Optional.empty(),
        "ab12");
  }

  /** Publishes the posts, keyed by {@link Post#key()}, and waits until every one is written. */
  static void produce(String bootstrapServers, List<Post> posts) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (Post post : posts) {
        producer.send(new ProducerRecord<>(Topics.POSTS_RAW, post.key(), Json.write(post)));
      }
      producer.flush();
    }
  }
}

package org.crossingwatch.bench.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;

/**
 * Offers posts at a fixed rate to a running pipeline and measures, for every alert record, the time
 * from producing its post ({@code collectedAt} is set at send time) to reading the committed alert.
 */
final class LatencyRun {
  private LatencyRun() {}

  /** Latencies in milliseconds, sorted, and how many posts were offered. */
  record Result(List<Long> millis, long offered, double offeredPerSecond) {
    long percentile(double p) {
      if (millis.isEmpty()) {
        return -1;
      }
      int index = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
      return millis.get(Math.max(0, Math.min(index, millis.size() - 1)));
    }
  }

  static Result run(
      String servers, BenchPosts posts, long firstIndex, int perSecond, Duration length)
      throws InterruptedException {
    long count = perSecond * length.toSeconds();
    List<Long> latencies = new ArrayList<>();
    try (KafkaConsumer<String, String> alerts = alertConsumer(servers)) {
      long[] sent = new long[1];
      long[] producedNanos = new long[2];
      Thread producer =
          new Thread(
              () ->
                  produceAtRate(servers, posts, firstIndex, count, perSecond, sent, producedNanos),
              "bench-fixed-rate-producer");
      Instant phaseStart = Instant.now();
      producer.start();
      long drainUntil = Long.MAX_VALUE;
      while (System.nanoTime() < drainUntil) {
        for (ConsumerRecord<String, String> r : alerts.poll(Duration.ofMillis(20))) {
          Instant now = Instant.now();
          Alert alert = Json.read(r.value(), Alert.class);
          if (!alert.lastSeen().isBefore(phaseStart)) {
            latencies.add(Duration.between(alert.lastSeen(), now).toMillis());
          }
        }
        if (!producer.isAlive() && drainUntil == Long.MAX_VALUE) {
          // Everything is offered; give the last posts time to come out.
          drainUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        }
      }
      producer.join();
      Collections.sort(latencies);
      double seconds = (producedNanos[1] - producedNanos[0]) / 1e9;
      return new Result(List.copyOf(latencies), sent[0], sent[0] / seconds);
    }
  }

  private static void produceAtRate(
      String servers,
      BenchPosts posts,
      long firstIndex,
      long count,
      int perSecond,
      long[] sent,
      long[] producedNanos) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                1),
            new StringSerializer(),
            new StringSerializer())) {
      long intervalNanos = 1_000_000_000L / perSecond;
      long start = System.nanoTime();
      producedNanos[0] = start;
      for (long i = 0; i < count; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        Post post = posts.post(firstIndex + i, Instant.now());
        producer.send(new ProducerRecord<>(Topics.POSTS_RAW, post.key(), Json.write(post)));
        sent[0]++;
      }
      producer.flush();
      producedNanos[1] = System.nanoTime();
    }
  }

  private static KafkaConsumer<String, String> alertConsumer(String servers) {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed".toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.ALERTS).stream()
            .map(p -> new TopicPartition(Topics.ALERTS, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }
}

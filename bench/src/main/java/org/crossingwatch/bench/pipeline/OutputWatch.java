package org.crossingwatch.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Topics;

/**
 * Counts what a topology commits to {@code cw.posts.scored} and {@code cw.alerts} from the moment
 * it is opened, as a {@code read_committed} consumer sees it: a post counts once its transaction
 * committed, which is when it leaves the pipeline for real.
 */
final class OutputWatch implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LongSupplier classificationNanos;

  /**
   * The time of the first and of the last poll that returned records, the JVM's CPU time spent
   * between them, and the verdicts counted in all and in the first poll. The rates count only the
   * verdicts that came after the first poll, over the time from it to the last: the first poll's
   * records were produced before the span began (counting them overstated the rate, and gave an
   * infinite one when every record came in one poll).
   */
  record Span(
      long firstNanos,
      long lastNanos,
      CpuSplit cpu,
      long scored,
      long scoredInFirstPoll,
      long alerts) {
    /**
     * Verdicts per second after the first poll; NaN when they all came in one poll (too few posts
     * to measure a rate).
     */
    double perSecond() {
      long timed = timedPosts();
      return timed == 0 || lastNanos == firstNanos
          ? Double.NaN
          : timed / ((lastNanos - firstNanos) / 1e9);
    }

    /**
     * CPU time of the whole JVM per verdict after the first poll; NaN as for {@link #perSecond}.
     */
    double cpuMillisPerPost() {
      long timed = timedPosts();
      return timed == 0 ? Double.NaN : cpu.process() / 1e6 / timed;
    }

    /** The verdicts timed: those after the first poll. */
    long timedPosts() {
      return scored - scoredInFirstPoll;
    }
  }

  /** A watch that does not split the CPU time by classification. */
  OutputWatch(String bootstrapServers) {
    this(bootstrapServers, () -> 0L);
  }

  /**
   * @param classificationNanos the CPU time spent classifying so far, for {@link Span#cpu()}
   */
  OutputWatch(String bootstrapServers, LongSupplier classificationNanos) {
    this.classificationNanos = classificationNanos;
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed".toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.POSTS_SCORED, Topics.ALERTS)) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // Resolve the end positions now, so records committed from here on are all counted.
    partitions.forEach(consumer::position);
  }

  /**
   * Polls until {@code scored} verdicts came and the alerts account for {@code alerts} alerting
   * posts (the sum over alert ids of the newest {@code repostCount}), or {@code timeout}. Counting
   * alert records instead would wait forever: an alert version overtaken by a newer one before its
   * entity links came is never published.
   *
   * @throws IllegalStateException on timeout, with the counts reached
   */
  Span await(long scored, long alerts, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long first = 0;
    long last = 0;
    CpuSplit firstCpu = null;
    long seenScored = 0;
    long scoredInFirstPoll = -1;
    Map<String, Integer> repostCounts = new HashMap<>();
    long seenAlerts = 0;
    while (seenScored < scored || seenAlerts < alerts) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "Timed out after %s: %d of %d verdicts, alerts for %d of %d alerting posts",
                timeout,
                seenScored,
                scored,
                seenAlerts,
                alerts));
      }
      var records = consumer.poll(Duration.ofMillis(50));
      if (records.isEmpty()) {
        continue;
      }
      long now = System.nanoTime();
      // The split reads every thread's CPU time: once at the first poll, once when done.
      firstCpu = first == 0 ? CpuSplit.now(classificationNanos) : firstCpu;
      first = first == 0 ? now : first;
      last = now;
      for (ConsumerRecord<byte[], byte[]> r : records) {
        if (r.topic().equals(Topics.POSTS_SCORED)) {
          seenScored++;
        } else {
          Alert alert = Json.read(r.value(), Alert.class);
          int before = repostCounts.getOrDefault(alert.alertId(), 0);
          if (alert.repostCount() > before) {
            repostCounts.put(alert.alertId(), alert.repostCount());
            seenAlerts += alert.repostCount() - before;
          }
        }
      }
      scoredInFirstPoll = scoredInFirstPoll < 0 ? seenScored : scoredInFirstPoll;
    }
    // The loop ends right after the poll that brought the last record.
    CpuSplit spent =
        firstCpu == null ? CpuSplit.none() : CpuSplit.now(classificationNanos).since(firstCpu);
    return new Span(first, last, spent, seenScored, scoredInFirstPoll, seenAlerts);
  }

  @Override
  public void close() {
    consumer.close();
  }
}

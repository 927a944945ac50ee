package org.crossingwatch.app.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.PipelineSettings;
import org.crossingwatch.stream.PipelineTopology;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pipeline instances with one application id on a 4-partition embedded broker: one runs in this
 * JVM, the other in a child JVM that is killed with SIGKILL mid-stream. Afterwards every post has
 * exactly one verdict in cw.posts.scored and every alert is in cw.alerts exactly once.
 */
class ExactlyOnceFailoverTest {
  private static final int POSTS = 4_000;
  private static final int ALERT_EVERY = 50;
  private static final String APPLICATION_ID = "failover-test";

  @TempDir Path dir;

  @Test
  void instanceKilledMidStreamLosesAndDoublesNothing() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      String servers = broker.bootstrapServers();
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
        TopicPlan.standard(4, (short) 1).apply(admin);
      }
      Process child = startChild(servers);
      try (KafkaStreams survivor = startInProcess(servers)) {
        produce(servers, 0, POSTS / 2);
        // Kill the child while it holds partitions and open transactions.
        waitForScored(servers, POSTS / 4);
        child.destroyForcibly().waitFor();
        produce(servers, POSTS / 2, POSTS);

        Map<String, Integer> verdicts = countByKey(servers, Topics.POSTS_SCORED, POSTS);
        Map<String, Integer> alerts = countByKey(servers, Topics.ALERTS, POSTS / ALERT_EVERY);

        assertThat(verdicts).hasSize(POSTS);
        assertThat(verdicts.values()).containsOnly(1);
        List<String> expectedAlerts = new ArrayList<>();
        for (int i = 0; i < POSTS; i += ALERT_EVERY) {
          expectedAlerts.add(Alert.idFor(post(i).key()));
        }
        assertThat(alerts.keySet()).containsExactlyInAnyOrderElementsOf(expectedAlerts);
        assertThat(alerts.values()).containsOnly(1);
      } finally {
        child.destroyForcibly();
      }
    }
  }

  private Process startChild(String servers) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ProcessorProcess.class.getName(),
                servers,
                dir.resolve("child-state").toString(),
                APPLICATION_ID)
            .redirectErrorStream(true)
            .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("RUNNING")) {
      // Logs of the child until it runs.
    }
    Thread drain =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // Keep the pipe from filling up.
                }
              } catch (java.io.IOException e) {
                // The child died; nothing more to read.
              }
            },
            "child-output-drain");
    drain.setDaemon(true);
    drain.start();
    return child;
  }

  private KafkaStreams startInProcess(String servers) {
    PipelineSettings settings = PipelineSettings.defaults().withApplicationId(APPLICATION_ID);
    Properties config =
        ProcessorProcess.fastFailoverConfig(servers, settings, dir.resolve("survivor-state"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    PassageClassifier classifier = new PassageClassifier();
    KafkaStreams streams =
        new KafkaStreams(
            PipelineTopology.build(new StreamsBuilder(), () -> classifier, settings, registry),
            config);
    streams.start();
    return streams;
  }

  private static void produce(String servers, int from, int to) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = from; i < to; i++) {
        Post post = post(i);
        producer.send(new ProducerRecord<>(Topics.POSTS_RAW, post.key(), Json.write(post)));
      }
      producer.flush();
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

  private static void waitForScored(String servers, int count) {
    countByKey(servers, Topics.POSTS_SCORED, count);
  }

  /**
   * Reads every partition of {@code topic} from the beginning, read_committed, until at least
   * {@code expected} records came and a second of polling brought nothing new, or two minutes
   * passed.
   */
  private static Map<String, Integer> countByKey(String servers, String topic, int expected) {
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
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
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

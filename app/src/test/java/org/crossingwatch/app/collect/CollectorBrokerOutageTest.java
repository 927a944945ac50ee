package org.crossingwatch.app.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.collectors.CollectorRunner;
import org.crossingwatch.collectors.jsonl.JsonlSource;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A following collector whose broker goes away mid-run and comes back on the same data directory.
 * The embedded broker comes back on new ports, so the collector is given the address through a
 * supplier ({@code CollectorRunner.Builder.kafka(Supplier)}), asked again for each producer it
 * creates after giving up the one stuck on the old address.
 */
class CollectorBrokerOutageTest {
  @TempDir Path dir;

  @Test
  void aCollectorBacksOffWhileItsBrokerIsAwayThenPublishesEveryPostExactlyOnce() throws Exception {
    Path file = dir.resolve("posts.jsonl");
    Files.write(file, lines(0, 150), UTF_8);
    Path kafkaDir = dir.resolve("kafka");
    AtomicReference<String> address = new AtomicReference<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(kafkaDir);
    address.set(first.bootstrapServers());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
      TopicPlan.standard(1, (short) 1).apply(admin);
    }
    try (CollectorRunner runner =
        CollectorRunner.builder(JsonlSource.of(file))
            .kafka(address::get)
            .kafkaTimeout(Duration.ofSeconds(3))
            .batchSize(5)
            .followEvery(Duration.ofMillis(100))
            .backoff(Duration.ofMillis(50), Duration.ofSeconds(1))
            .meterRegistry(registry)
            .build()) {
      runner.start();
      await().atMost(Duration.ofSeconds(180)).until(() -> runner.postsPublished() >= 20);

      first.close();
      // Lines written while the broker is away wait in the file.
      Files.write(file, lines(150, 200), UTF_8, StandardOpenOption.APPEND);
      await().atMost(Duration.ofSeconds(180)).until(() -> publishErrors(registry) >= 3);
      assertThat(runner.failure()).as("backs off, does not crash").isEmpty();
      assertThat(runner.postsPublished()).isLessThan(200);

      try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(kafkaDir)) {
        address.set(second.bootstrapServers());
        try {
          await().atMost(Duration.ofSeconds(180)).until(() -> runner.postsPublished() == 200);
        } catch (ConditionTimeoutException e) {
          throw new AssertionError(openTransactions(second.bootstrapServers()), e);
        }
        runner.close();
        assertThat(runner.failure()).isEmpty();

        Map<String, Integer> expected = new TreeMap<>();
        IntStream.range(0, 200).forEach(i -> expected.put("telegram:outage_test:" + i, 1));
        assertThat(CommittedPosts.keyCounts(second.bootstrapServers(), post -> true))
            .isEqualTo(expected);
      }
    }
  }

  /** The producers with an open transaction on the collector's partitions, for a failure. */
  private static String openTransactions(String servers) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
      List<TopicPartition> partitions =
          List.of(
              new TopicPartition(Topics.COLLECTOR_STATE, 0),
              new TopicPartition(Topics.POSTS_RAW, 0));
      return "producers: "
          + admin.describeProducers(partitions).all().get()
          + "\ntransactions: "
          + admin.listTransactions().all().get();
    } catch (Exception e) {
      return "could not describe transactions: " + e;
    }
  }

  private static double publishErrors(SimpleMeterRegistry registry) {
    Counter errors =
        registry.find("crossingwatch.collector.errors").tag("stage", "publish").counter();
    return errors == null ? 0 : errors.count();
  }

  private static List<String> lines(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(
            i ->
                "{\"platform\":\"telegram\",\"channel\":\"outage_test\",\"externalId\":\""
                    + i
                    + "\",\"text\":\"قارب رقم "
                    + i
                    + " — bateau n°"
                    + i
                    + "\"}")
        .toList();
  }
}

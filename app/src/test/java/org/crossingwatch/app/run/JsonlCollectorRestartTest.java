package org.crossingwatch.app.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.collectors.CollectorRunner;
import org.crossingwatch.collectors.jsonl.JsonlSource;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSONL collector on the real broker, stopped part-way through a file and started again: every
 * line reaches {@code cw.posts.raw} exactly once, including lines appended while it was stopped.
 */
class JsonlCollectorRestartTest {
  @TempDir Path dir;

  @Test
  void collectorStoppedPartWayResumesWithoutRepeatingOrSkipping() throws Exception {
    Path file = dir.resolve("posts.jsonl");
    Files.write(file, lines(0, 400), UTF_8);

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        TopicPlan.standard(3, (short) 1).apply(admin);
      }

      long publishedAtStop;
      try (CollectorRunner first = runner(file, broker)) {
        first.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> first.postsPublished() >= 20);
      }
      publishedAtStop = TopicContents.keys(broker.bootstrapServers(), Topics.POSTS_RAW).size();
      assertThat(publishedAtStop).as("stopped part-way").isBetween(20L, 399L);

      Files.write(file, lines(400, 450), UTF_8, java.nio.file.StandardOpenOption.APPEND);
      try (CollectorRunner second = runner(file, broker)) {
        second.start();
        assertThat(second.awaitTermination(Duration.ofSeconds(60))).isTrue();
        assertThat(second.failure()).isEmpty();
      }

      Map<String, Long> counts =
          TopicContents.keyCounts(broker.bootstrapServers(), Topics.POSTS_RAW);
      assertThat(counts).hasSize(450).allSatisfy((key, count) -> assertThat(count).as(key).isOne());
      assertThat(counts.keySet())
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 450).mapToObj(i -> "telegram:restart_test:" + i).toList());
    }
  }

  private static CollectorRunner runner(Path file, EmbeddedKafkaBroker broker) {
    return CollectorRunner.builder(JsonlSource.of(file))
        .kafka(broker.bootstrapServers())
        .batchSize(5)
        .build();
  }

  private static List<String> lines(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(
            i ->
                "{\"platform\":\"telegram\",\"channel\":\"restart_test\",\"externalId\":\""
                    + i
                    + "\",\"text\":\"رحلة رقم "
                    + i
                    + " — passage n°"
                    + i
                    + "\"}")
        .toList();
  }
}

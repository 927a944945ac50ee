package org.crossingwatch.app.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.topics.TopicPlan;
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
  private static final int POSTS = 10_000;
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
        FailoverPosts.produce(servers, 0, POSTS / 2);
        // Kill the child while it holds partitions and open transactions.
        FailoverPosts.countByKey(servers, Topics.POSTS_SCORED, POSTS / 4);
        child.destroyForcibly().waitFor();
        FailoverPosts.produce(servers, POSTS / 2, POSTS);

        Map<String, Integer> verdicts =
            FailoverPosts.countByKey(servers, Topics.POSTS_SCORED, POSTS);
        Map<String, Integer> alerts =
            FailoverPosts.countByKey(servers, Topics.ALERTS, POSTS / FailoverPosts.ALERT_EVERY);

        assertThat(verdicts)
            .as(
                () ->
                    FailoverPosts.progress(servers, APPLICATION_ID, POSTS, verdicts)
                        + "\n"
                        + survivor.metadataForLocalThreads())
            .hasSize(POSTS);
        assertThat(verdicts.values()).containsOnly(1);
        assertThat(alerts.keySet())
            .containsExactlyInAnyOrderElementsOf(FailoverPosts.expectedAlertIds(POSTS));
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
}

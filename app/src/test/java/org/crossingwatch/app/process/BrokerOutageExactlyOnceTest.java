package org.crossingwatch.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.PipelineSettings;
import org.crossingwatch.stream.PipelineTopology;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away in the middle of 10,000 posts through 4 partitions and comes back on the
 * same data folder and port: the pipeline's open transactions are aborted, its instance recovers on
 * its own, and afterwards every post has exactly one verdict in cw.posts.scored and every alert is
 * in cw.alerts exactly once.
 */
class BrokerOutageExactlyOnceTest {
  private static final int POSTS = 10_000;
  private static final String APPLICATION_ID = "broker-outage-test";

  @TempDir Path dir;

  @Test
  void brokerStoppedAndRestartedMidStreamLosesAndDoublesNothing() throws Exception {
    EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
    String servers = first.bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      TopicPlan.standard(4, (short) 1).apply(admin);
    }
    KafkaStreams streams = startPipeline(servers);
    try {
      // All input is written before the outage: an idempotent producer created after an embedded
      // broker's restart can be given a producer id the broker already knows (sequence errors,
      // retried for ever), which would test the test's producer rather than the pipeline.
      FailoverPosts.produce(servers, 0, POSTS);
      // Stop the broker while the pipeline holds open transactions.
      FailoverPosts.countByKey(servers, Topics.POSTS_SCORED, POSTS / 4);
      first.close();
      // Down long enough for requests to time out and transactions to fail (transactions time
      // out after 6 s), not for the threads to give up (task.timeout.ms is 60 s).
      Thread.sleep(Duration.ofSeconds(8).toMillis());

      try (EmbeddedKafkaBroker second = first.restart()) {
        assertThat(second.bootstrapServers()).isEqualTo(servers);

        Map<String, Integer> verdicts =
            FailoverPosts.countByKey(servers, Topics.POSTS_SCORED, POSTS);
        Map<String, Integer> alerts =
            FailoverPosts.countByKey(servers, Topics.ALERTS, POSTS / FailoverPosts.ALERT_EVERY);
        String progress =
            verdicts.size() == POSTS
                ? ""
                : FailoverPosts.progress(servers, APPLICATION_ID, POSTS, verdicts)
                    + "\n"
                    + streams.metadataForLocalThreads();
        streams.close(Duration.ofSeconds(30));

        assertThat(verdicts).as(progress).hasSize(POSTS);
        assertThat(verdicts.values()).containsOnly(1);
        assertThat(alerts.keySet())
            .containsExactlyInAnyOrderElementsOf(FailoverPosts.expectedAlertIds(POSTS));
        assertThat(alerts.values()).containsOnly(1);
      }
    } finally {
      streams.close(Duration.ofSeconds(10));
      first.close();
    }
  }

  private KafkaStreams startPipeline(String servers) {
    PipelineSettings settings = PipelineSettings.defaults().withApplicationId(APPLICATION_ID);
    Properties config =
        ProcessorProcess.fastFailoverConfig(servers, settings, dir.resolve("streams"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    PassageClassifier classifier = new PassageClassifier();
    KafkaStreams streams =
        new KafkaStreams(
            PipelineTopology.build(new StreamsBuilder(), () -> classifier, settings, registry),
            config);
    // As Pipeline does: a thread that dies of the outage is replaced, not the whole instance.
    streams.setUncaughtExceptionHandler(exception -> StreamThreadExceptionResponse.REPLACE_THREAD);
    streams.start();
    return streams;
  }
}

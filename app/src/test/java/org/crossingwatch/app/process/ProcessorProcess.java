package org.crossingwatch.app.process;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.crossingwatch.stream.Pipeline;
import org.crossingwatch.stream.PipelineSettings;
import org.crossingwatch.stream.PipelineTopology;
import org.crossingwatch.stream.deadletter.MetricsConfig;

/**
 * A pipeline instance in a JVM of its own, so a test can kill it with SIGKILL: no close, no commit,
 * no leave-group. Arguments: bootstrap servers, state dir, application id. Prints {@code RUNNING}
 * once Kafka Streams runs.
 */
public final class ProcessorProcess {
  private ProcessorProcess() {}

  public static void main(String[] args) throws InterruptedException {
    PipelineSettings settings = PipelineSettings.defaults().withApplicationId(args[2]);
    Properties config = fastFailoverConfig(args[0], settings, Path.of(args[1]));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    PassageClassifier classifier = new PassageClassifier();
    KafkaStreams streams =
        new KafkaStreams(
            PipelineTopology.build(new StreamsBuilder(), () -> classifier, settings, registry),
            config);
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    streams.start();
    running.await();
    System.out.println("RUNNING");
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /**
   * The pipeline's config with a short session and transaction timeout, for quick takeover, and
   * short blocking and task timeouts: a thread whose transactional producer stays stuck after the
   * broker's return (the coordinator can keep answering CONCURRENT_TRANSACTIONS to one producer)
   * gives up within about a minute and is replaced with a fresh producer, instead of after the
   * default five.
   */
  static Properties fastFailoverConfig(
      String bootstrapServers, PipelineSettings settings, Path stateDir) {
    Properties config = Pipeline.streamsConfig(bootstrapServers, settings, stateDir);
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
    config.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 6000);
    config.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG), 20_000);
    config.put(StreamsConfig.TASK_TIMEOUT_MS_CONFIG, 60_000);
    return config;
  }
}

package org.crossingwatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.deadletter.MetricsConfig;

/**
 * The whole pipeline in a {@link TopologyTestDriver}, scoring with {@link RepostTestClassifier}.
 */
final class RepostTestDriver {
  private RepostTestDriver() {}

  /** A driver over the pipeline built with these settings, counting on {@code registry}. */
  static TopologyTestDriver start(
      PipelineSettings settings, MeterRegistry registry, Path stateDir) {
    Properties config = Pipeline.streamsConfig("test-driver:9092", settings, stateDir);
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    return new TopologyTestDriver(
        PipelineTopology.build(new StreamsBuilder(), RepostTestClassifier::new, settings, registry),
        config);
  }

  /** The driver's {@code cw.posts.raw}, taking post JSON bytes keyed by post key. */
  static TestInputTopic<String, byte[]> rawPosts(TopologyTestDriver driver) {
    return driver.createInputTopic(
        Topics.POSTS_RAW, new StringSerializer(), new ByteArraySerializer());
  }

  /** The driver's {@code cw.alerts}, read as alert JSON keyed by alert id. */
  static TestOutputTopic<String, String> alerts(TopologyTestDriver driver) {
    return driver.createOutputTopic(
        Topics.ALERTS, new StringDeserializer(), new StringDeserializer());
  }
}

package org.crossingwatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
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
}

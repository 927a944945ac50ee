package org.crossingwatch.stream.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import org.crossingwatch.stream.metrics.PipelineMetrics;

/**
 * The exception handlers are created by Kafka from a class name, so the meter registry reaches them
 * through the streams configuration under {@link #REGISTRY_CONFIG}.
 */
public final class MetricsConfig {
  /**
   * Streams configuration key whose value is the {@link MeterRegistry} the handlers count on; when
   * absent they count on {@link Metrics#globalRegistry}.
   */
  public static final String REGISTRY_CONFIG = "crossingwatch.metrics.registry";

  private MetricsConfig() {}

  static PipelineMetrics metricsFrom(Map<String, ?> configs) {
    Object registry = configs.get(REGISTRY_CONFIG);
    if (registry == null) {
      return PipelineMetrics.on(Metrics.globalRegistry);
    }
    if (!(registry instanceof MeterRegistry)) {
      throw new IllegalArgumentException(
          REGISTRY_CONFIG
              + " must be a "
              + MeterRegistry.class.getName()
              + ", was a "
              + registry.getClass().getName());
    }
    return PipelineMetrics.on((MeterRegistry) registry);
  }
}

/**
 * Counters for the pipeline ({@link org.crossingwatch.stream.metrics.PipelineMetrics}), exposed
 * through whatever Micrometer registry the application passes in.
 */
package org.crossingwatch.stream.metrics;

/**
 * The CrossingWatch stream processor. Front door: {@link
 * org.crossingwatch.stream.PipelineTopology#build} (the topology, also what the tests drive) and
 * {@link org.crossingwatch.stream.Pipeline} (the topology running in Kafka Streams), tuned by
 * {@link org.crossingwatch.stream.PipelineSettings}. The sub-packages are its stages ({@code
 * parse}, {@code classify}), its dead-letter machinery ({@code deadletter}) and its counters
 * ({@code metrics}).
 */
package org.crossingwatch.stream;

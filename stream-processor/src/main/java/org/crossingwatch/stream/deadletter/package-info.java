/**
 * Everything that sends records to {@code cw.dlq}: the {@link
 * org.crossingwatch.stream.deadletter.DeadLetter} value the topology's error branches carry, the
 * processor that writes it with the {@link org.crossingwatch.model.DeadLetterHeaders}, and the
 * Kafka Streams exception handlers that catch whatever still fails. Support code for {@link
 * org.crossingwatch.stream.PipelineTopology} and {@link org.crossingwatch.stream.Pipeline}: no
 * compatibility promise beyond the handler class names, which appear in configuration.
 */
package org.crossingwatch.stream.deadletter;

/**
 * The embedded single-node KRaft broker of the all-in-one mode. {@link
 * org.crossingwatch.app.broker.EmbeddedKafkaBroker} is the front door; everything else here is
 * package-private support with no compatibility promise. This package is the only place that uses
 * Kafka's server classes ({@code kafka.server.KafkaRaftServer}, {@code kafka.tools.StorageTool}),
 * which are not a public Kafka API and may change in any Kafka release.
 */
package org.crossingwatch.app.broker;

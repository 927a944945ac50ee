/**
 * Kafka for integration tests: annotate a test class with {@link
 * org.crossingwatch.app.testing.WithKafka} and take a {@link
 * org.crossingwatch.app.testing.KafkaCluster} parameter. One cluster serves the whole test JVM;
 * name topics with {@link org.crossingwatch.app.testing.KafkaCluster#uniqueTopic(String)}.
 */
package org.crossingwatch.app.testing;

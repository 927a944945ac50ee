package org.crossingwatch.app.testing;

/** A {@link KafkaCluster} that the extension owns and closes at the end of the test run. */
interface SharedKafkaCluster extends KafkaCluster, AutoCloseable {}

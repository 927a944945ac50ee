package org.crossingwatch.app.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The shared test cluster backed by a Testcontainers Kafka container, where Docker exists. */
final class TestcontainersKafkaCluster implements SharedKafkaCluster {
  /** The image tests run against; Kafka's own image, KRaft, one node. */
  static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.1.0");

  private final KafkaContainer container;

  private TestcontainersKafkaCluster(KafkaContainer container) {
    this.container = container;
  }

  /** Whether a Docker engine answers, so that {@link #start()} can work. */
  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  @SuppressWarnings("resource") // closed by close()
  static TestcontainersKafkaCluster start() {
    KafkaContainer container =
        new KafkaContainer(IMAGE)
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    container.start();
    return new TestcontainersKafkaCluster(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void close() {
    container.close();
  }

  @Override
  public String toString() {
    return "Testcontainers " + IMAGE + " at " + bootstrapServers();
  }
}

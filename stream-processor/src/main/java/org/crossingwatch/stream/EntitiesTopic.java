package org.crossingwatch.stream;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.crossingwatch.model.Topics;

/**
 * Creates {@value StreamTopics#ENTITIES} until the application's topic plan does: the pipeline
 * cannot write to a topic that does not exist (brokers here do not auto-create).
 */
final class EntitiesTopic {
  private EntitiesTopic() {}

  static void createIfMissing(String bootstrapServers, int replicationFactor) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(StreamTopics.ENTITIES)) {
        return;
      }
      int partitions =
          admin
              .describeTopics(java.util.List.of(Topics.ALERTS))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(Topics.ALERTS)
              .partitions()
              .size();
      NewTopic topic =
          new NewTopic(
                  StreamTopics.ENTITIES,
                  Optional.of(partitions),
                  replicationFactor < 1 ? Optional.empty() : Optional.of((short) replicationFactor))
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(java.util.List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "Could not create " + StreamTopics.ENTITIES + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted creating " + StreamTopics.ENTITIES, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Could not reach Kafka at " + bootstrapServers + " to create " + StreamTopics.ENTITIES,
          e);
    }
  }
}

package org.crossingwatch.app.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How one topic is set up: partitions, replication and topic-level configs.
 *
 * @param name the topic name, from {@link org.crossingwatch.model.Topics}
 * @param partitions number of partitions (at least 1)
 * @param replicationFactor replicas per partition (1 on the embedded broker, 3 on a cluster)
 * @param configs topic-level configs such as {@code cleanup.policy}
 */
public record TopicSpec(
    String name, int partitions, short replicationFactor, Map<String, String> configs) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "Topic " + name + " needs at least 1 partition, was " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "Topic " + name + " needs a replication factor of at least 1, was " + replicationFactor);
    }
    configs = Map.copyOf(configs);
  }

  NewTopic toNewTopic() {
    return new NewTopic(name, partitions, replicationFactor).configs(configs);
  }
}

package org.crossingwatch.app.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.crossingwatch.model.Topics;

/**
 * The settings of every CrossingWatch topic, in one place, and the idempotent step that creates the
 * missing ones. Existing topics are left as they are.
 */
public final class TopicPlan {
  /**
   * Raw posts may be larger than the pipeline accepts, so that an oversized post reaches the
   * pipeline and is dead-lettered with its reason instead of being refused at the producer.
   */
  static final int RAW_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  private final List<TopicSpec> specs;

  private TopicPlan(List<TopicSpec> specs) {
    this.specs = List.copyOf(specs);
  }

  /**
   * The standard plan.
   *
   * @param partitions partitions of the keyed data topics (posts, alerts, feedback)
   * @param replicationFactor replicas per partition
   */
  public static TopicPlan standard(int partitions, short replicationFactor) {
    List<TopicSpec> specs = new ArrayList<>();
    String minIsr = String.valueOf(Math.min(2, replicationFactor));
    for (String name : Topics.ALL) {
      Map<String, String> configs = new HashMap<>();
      configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr);
      if (Topics.COMPACTED.contains(name)) {
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      }
      if (name.equals(Topics.POSTS_RAW) || name.equals(Topics.DLQ)) {
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(RAW_MAX_MESSAGE_BYTES));
      }
      // The rule set and checkpoints are small; one partition keeps them in one ordered log.
      int topicPartitions = Topics.COMPACTED.contains(name) ? 1 : partitions;
      specs.add(new TopicSpec(name, topicPartitions, replicationFactor, configs));
    }
    return new TopicPlan(specs);
  }

  /** Every topic's spec, in {@link Topics#ALL} order. */
  public List<TopicSpec> specs() {
    return specs;
  }

  /**
   * Creates the topics that do not exist yet.
   *
   * @return the names of the topics this call created; empty when all existed
   * @throws IllegalStateException when the cluster cannot be reached or refuses a topic
   */
  public List<String> apply(Admin admin) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<TopicSpec> missing =
          specs.stream().filter(spec -> !existing.contains(spec.name())).toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing.stream().map(TopicSpec::toNewTopic).toList()).all().get();
      }
      return missing.stream().map(TopicSpec::name).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not create topics: " + e.getCause().getMessage(), e);
    }
  }
}

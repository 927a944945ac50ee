package org.crossingwatch.app.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.crossingwatch.model.Topics;

/**
 * The settings of every CrossingWatch topic, in one place, and the idempotent step that creates the
 * missing ones. Existing topics are never changed: {@link #compare(Admin)} reports how they differ
 * from the plan so that an operator can decide.
 *
 * <p>The Kubernetes {@code KafkaTopic} manifests under {@code deploy/kubernetes} are checked
 * against {@code standard(6, (short) 3)} by a test, so a change here must be made there too.
 */
public final class TopicPlan {
  /**
   * Raw posts may be larger than the pipeline accepts, so that an oversized post reaches the
   * pipeline and is dead-lettered with its reason instead of being refused at the producer.
   */
  static final int RAW_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /**
   * How long each deleting topic keeps its records. Compacted topics keep the latest value per key
   * for ever. Posts carry personal data (names, phone numbers), so the raw and scored posts are
   * kept only as long as replays and backtests need them; decisions and the audit trail are the
   * service's records and are kept longer. See docs/operations.md, "Retention and data protection".
   */
  static final Map<String, Duration> RETENTION =
      Map.of(
          Topics.POSTS_RAW, Duration.ofDays(7),
          Topics.POSTS_SCORED, Duration.ofDays(90),
          Topics.ALERTS, Duration.ofDays(365),
          Topics.FEEDBACK, Duration.ofDays(3650),
          Topics.AUDIT, Duration.ofDays(400),
          Topics.DLQ, Duration.ofDays(14),
          Topics.DELIVERY_FAILED, Duration.ofDays(14));

  /** The rule set and checkpoints are small; one partition keeps each in one ordered log. */
  static final Set<String> SINGLE_PARTITION = Set.of(Topics.RULES, Topics.COLLECTOR_STATE);

  private final List<TopicSpec> specs;

  private TopicPlan(List<TopicSpec> specs) {
    this.specs = List.copyOf(specs);
  }

  /**
   * The standard plan.
   *
   * @param partitions partitions of the keyed data topics (posts, alerts, entities, feedback)
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
      } else {
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention(name).toMillis()));
      }
      if (name.equals(Topics.POSTS_RAW) || name.equals(Topics.DLQ)) {
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(RAW_MAX_MESSAGE_BYTES));
      }
      int topicPartitions = SINGLE_PARTITION.contains(name) ? 1 : partitions;
      specs.add(new TopicSpec(name, topicPartitions, replicationFactor, configs));
    }
    return new TopicPlan(specs);
  }

  private static Duration retention(String topic) {
    Duration retention = RETENTION.get(topic);
    if (retention == null) {
      throw new IllegalStateException(
          "No retention planned for topic " + topic + "; add it to TopicPlan.RETENTION");
    }
    return retention;
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
    Objects.requireNonNull(admin, "admin");
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

  /**
   * Compares the cluster's topics with this plan without changing anything.
   *
   * @return for each planned topic whether it is missing, as planned, or how it differs
   * @throws IllegalStateException when the cluster cannot be reached
   */
  public TopicComparison compare(Admin admin) {
    Objects.requireNonNull(admin, "admin");
    try {
      return TopicComparison.of(specs, admin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while describing topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not describe topics: " + e.getCause().getMessage(), e);
    }
  }
}

package org.crossingwatch.bench.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.crossingwatch.model.Topics;

/**
 * The offsets written to every topic of the broker but {@code cw.posts.raw}: records and
 * transaction markers alike (each marker takes an offset in every partition its transaction wrote),
 * the broker's own offset and transaction logs included. The difference of two snapshots is what a
 * phase cost the broker in writes, a count that, unlike time, does not move when other work shares
 * the machine.
 */
final class BrokerWrites {
  private final Map<String, Long> perTopic;

  private BrokerWrites(Map<String, Long> perTopic) {
    this.perTopic = perTopic;
  }

  /** The end offsets of every topic but {@code cw.posts.raw}, summed per topic. */
  static BrokerWrites snapshot(Admin admin) throws ExecutionException, InterruptedException {
    List<String> names =
        admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
            .filter(name -> !name.equals(Topics.POSTS_RAW))
            .toList();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
      topic
          .partitions()
          .forEach(
              partition ->
                  request.put(
                      new TopicPartition(topic.name(), partition.partition()),
                      OffsetSpec.latest()));
    }
    Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(request).all().get();
    Map<String, Long> perTopic =
        offsets.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    entry -> entry.getKey().topic(),
                    TreeMap::new,
                    Collectors.summingLong(entry -> entry.getValue().offset())));
    return new BrokerWrites(perTopic);
  }

  /**
   * Offsets written since {@code before} per topic (named without the application id prefix {@code
   * prefix}), topics with none left out.
   */
  Map<String, Long> since(BrokerWrites before, String prefix) {
    Map<String, Long> written = new TreeMap<>();
    perTopic.forEach(
        (topic, end) -> {
          long delta = end - before.perTopic.getOrDefault(topic, 0L);
          if (delta > 0) {
            written.merge(
                topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic,
                delta,
                Long::sum);
          }
        });
    return written;
  }
}

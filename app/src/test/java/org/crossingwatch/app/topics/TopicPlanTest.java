package org.crossingwatch.app.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.crossingwatch.app.testing.KafkaCluster;
import org.crossingwatch.app.testing.WithKafka;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;

@WithKafka
class TopicPlanTest {

  @Test
  void standardPlanCompactsEntitiesRulesAndCheckpointsAndKeepsRulesAndCheckpointsOnOnePartition() {
    TopicPlan plan = TopicPlan.standard(6, (short) 3);

    assertThat(plan.specs()).extracting(TopicSpec::name).containsExactlyElementsOf(Topics.ALL);
    assertThat(Topics.COMPACTED).containsExactly("cw.entities", "cw.rules", "cw.collector.state");
    assertThat(plan.specs())
        .allSatisfy(
            spec -> {
              boolean compacted = Topics.COMPACTED.contains(spec.name());
              boolean single =
                  spec.name().equals(Topics.RULES) || spec.name().equals(Topics.COLLECTOR_STATE);
              assertThat(spec.partitions()).isEqualTo(single ? 1 : 6);
              assertThat(spec.replicationFactor()).isEqualTo((short) 3);
              assertThat(spec.configs()).containsEntry("min.insync.replicas", "2");
              assertThat(spec.configs().get("cleanup.policy"))
                  .isEqualTo(compacted ? "compact" : "delete");
            });
  }

  @Test
  void rawPostsAndDeadLettersAcceptRecordsLargerThanThePipelineDoes() {
    Map<String, TopicSpec> byName =
        TopicPlan.standard(3, (short) 1).specs().stream()
            .collect(java.util.stream.Collectors.toMap(TopicSpec::name, s -> s));

    assertThat(byName.get(Topics.POSTS_RAW).configs())
        .containsEntry("max.message.bytes", "4194304");
    assertThat(byName.get(Topics.DLQ).configs()).containsEntry("max.message.bytes", "4194304");
    assertThat(byName.get(Topics.ALERTS).configs()).doesNotContainKey("max.message.bytes");
  }

  @Test
  void deletingTopicsKeepPersonalDataOnlyAsLongAsNeededAndCompactedTopicsKeepTheLatestForEver() {
    Map<String, String> retentionByTopic =
        TopicPlan.standard(6, (short) 3).specs().stream()
            .filter(spec -> spec.configs().containsKey("retention.ms"))
            .collect(
                java.util.stream.Collectors.toMap(
                    TopicSpec::name, spec -> spec.configs().get("retention.ms")));

    assertThat(retentionByTopic)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "cw.posts.raw", "604800000",
                "cw.posts.scored", "7776000000",
                "cw.alerts", "31536000000",
                "cw.feedback", "315360000000",
                "cw.audit", "34560000000",
                "cw.dlq", "1209600000",
                "cw.delivery.failed", "1209600000"));
  }

  @Test
  void singleReplicaPlanAsksForOneInSyncReplica() {
    assertThat(TopicPlan.standard(1, (short) 1).specs())
        .allSatisfy(spec -> assertThat(spec.configs()).containsEntry("min.insync.replicas", "1"));
  }

  @Test
  void applyingTwiceCreatesNothingTheSecondTime(KafkaCluster cluster) throws Exception {
    try (Admin admin = Admin.create(cluster.adminConfig())) {
      TopicPlan plan = TopicPlan.standard(2, (short) 1);

      plan.apply(admin);
      Set<String> names = admin.listTopics().names().get();

      assertThat(names).containsAll(Topics.ALL);
      assertThat(plan.apply(admin)).isEmpty();
    }
  }

  @Test
  void specRejectsZeroPartitionsNamingTheTopic() {
    assertThatThrownBy(() -> new TopicSpec("cw.alerts", 0, (short) 1, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Topic cw.alerts needs at least 1 partition, was 0");
  }
}

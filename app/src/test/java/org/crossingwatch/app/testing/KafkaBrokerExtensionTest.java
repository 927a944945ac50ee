package org.crossingwatch.app.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithKafka
class KafkaBrokerExtensionTest {
  private static KafkaCluster clusterSeenByBeforeAll;

  @BeforeAll
  static void rememberCluster(KafkaCluster cluster) {
    clusterSeenByBeforeAll = cluster;
  }

  @Test
  void everyInjectionGetsTheSameSharedCluster(KafkaCluster cluster) {
    assertThat(cluster).isSameAs(clusterSeenByBeforeAll);
    assertThat(cluster.bootstrapServers()).isNotBlank();
  }

  @Test
  void createdTopicsExistWithTheirUniqueNames(KafkaCluster cluster) throws Exception {
    String alerts = cluster.uniqueTopic("cw.alerts");
    String audit = cluster.uniqueTopic("cw.audit");

    cluster.createTopics(alerts, audit);

    assertThat(alerts).startsWith("cw.alerts-").isNotEqualTo(cluster.uniqueTopic("cw.alerts"));
    try (Admin admin = Admin.create(cluster.adminConfig())) {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(names).contains(alerts, audit);
    }
  }

  @Test
  void creatingAnExistingTopicFailsWithKafkasReason(KafkaCluster cluster) {
    String topic = cluster.uniqueTopic("twice");
    cluster.createTopics(topic);

    assertThatThrownBy(() -> cluster.createTopics(topic))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Could not create topics ["
                + topic
                + "]: org.apache.kafka.common.errors.TopicExistsException: Topic '"
                + topic
                + "' already exists.");
  }

  @Test
  void topicPrefixWithASpaceIsRejected(KafkaCluster cluster) {
    assertThatThrownBy(() -> cluster.uniqueTopic("cw posts"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Topic prefix must be 1..200 of [A-Za-z0-9._-], was 'cw posts'");
  }

  @Test
  void readCommittedReturnsEveryRecordInOffsetOrder(KafkaCluster cluster) {
    String topic = cluster.uniqueTopic("posts");
    cluster.createTopics(topic);
    Map<String, Object> config =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "1", "Game ke Italy, 3000 euro"));
      producer.send(new ProducerRecord<>(topic, "2", "ڈنکی لگوانا ہے؟ رابطہ کریں"));
    }

    assertThat(cluster.readCommitted(topic, 2))
        .containsExactly(
            KeyValue.pair("1", "Game ke Italy, 3000 euro"),
            KeyValue.pair("2", "ڈنکی لگوانا ہے؟ رابطہ کریں"));
  }
}

package org.crossingwatch.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The Testcontainers side of {@link KafkaBrokerExtension}. It needs a Docker engine, so the build
 * runs it only in the {@code docker} profile (on by itself where {@code /var/run/docker.sock}
 * exists, or {@code -Pdocker}); run the whole suite on it with {@code
 * -Dcrossingwatch.test.kafka=testcontainers}.
 */
@Testcontainers
class TestcontainersKafkaTest {
  private static TestcontainersKafkaCluster cluster;

  @BeforeAll
  static void startContainer() {
    cluster = TestcontainersKafkaCluster.start();
  }

  @AfterAll
  static void stopContainer() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void transactionalRecordWithNonLatinTextRoundTrips() {
    String topic = cluster.uniqueTopic("posts");
    cluster.createTopics(topic);
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "tx-" + cluster.uniqueSuffix());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "tg:7", "ትራንስፖርት ወደ ሊብያ · قارب"));
      producer.commitTransaction();
    }

    assertThat(cluster.readCommitted(topic, 1))
        .containsExactly(KeyValue.pair("tg:7", "ትራንስፖርት ወደ ሊብያ · قارب"));
  }
}

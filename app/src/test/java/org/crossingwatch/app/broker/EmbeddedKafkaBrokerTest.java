package org.crossingwatch.app.broker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.crossingwatch.app.testing.FatalFaultGuard;
import org.crossingwatch.app.testing.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {
  @TempDir static Path sharedDir;

  private static FatalFaultGuard guard;
  private static EmbeddedKafkaBroker broker;
  private static KafkaCluster cluster;

  @BeforeAll
  static void startSharedBroker() {
    guard = FatalFaultGuard.install();
    broker = EmbeddedKafkaBroker.start(sharedDir.resolve("kafka"));
    cluster = broker::bootstrapServers;
  }

  @AfterAll
  static void stopSharedBroker() {
    try {
      if (broker != null) {
        broker.close();
      }
    } finally {
      guard.close();
    }
  }

  @Test
  void reportsLoopbackBootstrapAddressAndAbsoluteDataDirectory() {
    assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d{1,5}");
    assertThat(broker.dataDir()).isEqualTo(sharedDir.resolve("kafka").toAbsolutePath());
    assertThat(broker.dataDir().resolve("meta.properties")).isRegularFile();
  }

  @Test
  void runningBrokerCannotBeRestarted() {
    assertThatThrownBy(broker::restart)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Close the broker at " + broker.bootstrapServers() + " first");
  }

  @Test
  void recordWithNonLatinTextIsConsumedUnchanged() throws Exception {
    String topic = cluster.uniqueTopic("posts");
    cluster.createTopics(topic);
    String text = "قارب إلى إيطاليا 🚤 каюта до Італії · βάρκα · د کشتۍ ځای ٢٥٠٠ یورو";

    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      producer.send(new ProducerRecord<>(topic, "telegram:کانال:42", text)).get();
    }

    assertThat(cluster.readCommitted(topic, 1))
        .containsExactly(KeyValue.pair("telegram:کانال:42", text));
  }

  @Test
  void committedTransactionIsVisibleToReadCommittedConsumerAndAbortedOneIsNot() {
    String topic = cluster.uniqueTopic("transactions");
    cluster.createTopics(topic);

    try (KafkaProducer<String, String> producer =
        producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + cluster.uniqueSuffix()))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a", "aborted: passage en camion"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "c", "committed: پاسپورت جعلی"));
      producer.commitTransaction();
    }

    assertThat(cluster.readCommitted(topic, 1))
        .containsExactly(KeyValue.pair("c", "committed: پاسپورت جعلی"));
  }

  @Test
  void kafkaStreamsExactlyOnceV2CommitsItsOutput(@TempDir Path stateDir) {
    String input = cluster.uniqueTopic("streams-in");
    String output = cluster.uniqueTopic("streams-out");
    cluster.createTopics(input, output);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(value -> value.toUpperCase(Locale.ROOT), Named.as("upper-case"))
        .to(output, Produced.with(Serdes.String(), Serdes.String()));
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, cluster.uniqueTopic("eos-app"));
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);

    try (KafkaStreams streams = new KafkaStreams(builder.build(), config);
        KafkaProducer<String, String> producer = producer(Map.of())) {
      streams.start();
      producer.send(new ProducerRecord<>(input, "el", "βάρκα για ιταλία"));
      producer.send(new ProducerRecord<>(input, "ru", "лодка в италию"));
      producer.flush();

      assertThat(cluster.readCommitted(output, 2))
          .containsExactly(
              KeyValue.pair("el", "ΒΆΡΚΑ ΓΙΑ ΙΤΑΛΊΑ"), KeyValue.pair("ru", "ЛОДКА В ИТАЛИЮ"));
    }
  }

  @Test
  void secondBrokerOnARunningBrokersDataDirectoryFailsAndLeavesTheFirstRunning() throws Exception {
    Path dir = broker.dataDir();

    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Kafka data directory " + dir + " is in use by another embedded broker in this JVM");

    String topic = cluster.uniqueTopic("still-up");
    cluster.createTopics(topic);
    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      producer.send(new ProducerRecord<>(topic, "k", "ещё работает")).get();
    }
    assertThat(cluster.readCommitted(topic, 1)).containsExactly(KeyValue.pair("k", "ещё работает"));
  }

  @Test
  void brokerOnADirectoryLockedByAnotherProcessFailsAndNamesTheLockFile(@TempDir Path dir)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked");

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Kafka data directory "
                  + dir
                  + " is in use by another process (it holds the lock on "
                  + dir.toRealPath().resolve(".crossingwatch.lock")
                  + ")");
      assertThat(dir.resolve("meta.properties")).doesNotExist();
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }
  }

  @Test
  void restartOnSameDataDirectoryKeepsRecordsAndClusterId(@TempDir Path dir) throws Exception {
    String topic = "cw.posts.raw";
    String clusterIdBefore;
    try (FatalFaultGuard ownGuard = FatalFaultGuard.install();
        EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir)) {
      KafkaCluster firstCluster = first::bootstrapServers;
      firstCluster.createTopics(topic);
      try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
        producer.send(new ProducerRecord<>(topic, "tg:1", "Passage Libye → Lampedusa 💶")).get();
      }
      clusterIdBefore = clusterId(first);
    }

    try (FatalFaultGuard ownGuard = FatalFaultGuard.install();
        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dir)) {
      KafkaCluster secondCluster = second::bootstrapServers;

      assertThat(clusterId(second)).isEqualTo(clusterIdBefore);
      assertThat(secondCluster.readCommitted(topic, 1))
          .containsExactly(KeyValue.pair("tg:1", "Passage Libye → Lampedusa 💶"));
    }
  }

  @Test
  void closeTwiceIsANoOp(@TempDir Path dir) {
    try (FatalFaultGuard ownGuard = FatalFaultGuard.install()) {
      EmbeddedKafkaBroker own = EmbeddedKafkaBroker.start(dir);
      own.close();

      assertThatCode(own::close).doesNotThrowAnyException();
    }
  }

  @Test
  void overrideOfAManagedSettingIsRejectedBeforeAnythingStarts(@TempDir Path dir) {
    Path dataDir = dir.resolve("never-created");

    assertThatThrownBy(
            () -> EmbeddedKafkaBroker.start(dataDir, Map.of("listeners", "PLAINTEXT://:9092")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Kafka setting 'listeners' is managed by the embedded broker and cannot be overridden");
    assertThat(dataDir).doesNotExist();
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    return producer(broker, extra);
  }

  private static KafkaProducer<String, String> producer(
      EmbeddedKafkaBroker target, Map<String, Object> extra) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putAll(extra);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static String clusterId(EmbeddedKafkaBroker target) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", target.bootstrapServers()))) {
      return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    }
  }
}

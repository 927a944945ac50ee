package org.crossingwatch.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.crossingwatch.model.JsonSerde;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {
  @TempDir Path stateDir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void streamsConfigIsExactlyOnceWithDeadLetterHandlers() {
    PipelineSettings settings =
        PipelineSettings.defaults().withApplicationId("cw-test").withReplicationFactor(1);

    Properties config = Pipeline.streamsConfig("127.0.0.1:9092", settings, stateDir);

    assertThat(config)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("application.id", "cw-test"),
                Map.entry("bootstrap.servers", "127.0.0.1:9092"),
                Map.entry("state.dir", stateDir.toAbsolutePath().toString()),
                Map.entry("processing.guarantee", "exactly_once_v2"),
                Map.entry("commit.interval.ms", 100L),
                Map.entry("replication.factor", 1),
                Map.entry(
                    "deserialization.exception.handler",
                    "org.crossingwatch.stream.deadletter.DeadLetterDeserializationHandler"),
                Map.entry(
                    "processing.exception.handler",
                    "org.crossingwatch.stream.deadletter.DeadLetterProcessingHandler"),
                Map.entry("ensure.explicit.internal.resource.naming", true),
                Map.entry("producer.max.in.flight.requests.per.connection", 1),
                // The stores' cache: repeated updates of a key reach the changelog once a commit.
                Map.entry("statestore.cache.max.bytes", 10L * 1024 * 1024)));
  }

  @Test
  void streamsConfigRejectsBlankBootstrapServers() {
    assertThatThrownBy(() -> Pipeline.streamsConfig(" ", PipelineSettings.defaults(), stateDir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrapServers must not be blank, was ' '");
  }

  @Test
  void settingsDefaultsAreDocumentedValues() {
    assertThat(PipelineSettings.defaults())
        .isEqualTo(new PipelineSettings("crossingwatch-pipeline", 524_288, 20_000, -1));
    assertThat(PipelineSettings.defaults().bandPartitions()).isEqualTo(4);
    assertThat(PipelineSettings.defaults().fingerprintPartitions()).isEqualTo(4);
  }

  @Test
  void settingsRejectOutOfRangeValuesQuotingThem() {
    PipelineSettings defaults = PipelineSettings.defaults();
    assertThatThrownBy(() -> defaults.withApplicationId("cw pipeline"))
        .hasMessage(
            "applicationId may only contain ASCII letters, digits, '.', '_' and '-', was 'cw"
                + " pipeline'");
    assertThatThrownBy(() -> defaults.withMaxRecordBytes(0))
        .hasMessage("maxRecordBytes must be at least 1, was 0");
    assertThatThrownBy(() -> defaults.withMaxTextChars(-5))
        .hasMessage("maxTextChars must be at least 1, was -5");
    assertThatThrownBy(() -> defaults.withReplicationFactor(0))
        .hasMessage("replicationFactor must be -1 (broker default) or at least 1, was 0");
    assertThatThrownBy(() -> defaults.withBandPartitions(0))
        .hasMessage("bandPartitions must be at least 1, was 0");
    assertThatThrownBy(() -> defaults.withFingerprintPartitions(-1))
        .hasMessage("fingerprintPartitions must be at least 1, was -1");
  }

  @Test
  void processingHandlerDeadLettersTheSourceRecordAndContinues() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(
            text -> {
              if (text.contains("BOOM")) {
                throw new IllegalArgumentException("cannot handle '" + text + "'");
              }
              return text.toUpperCase(java.util.Locale.ROOT);
            },
            Named.as("explode"))
        .to("out", Produced.with(Serdes.String(), Serdes.String()));

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config())) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      in.pipeInput("k1", "BOOM — مرحبا");
      in.pipeInput("k2", "passage");

      TestRecord<byte[], byte[]> letter = deadLetters(driver).readRecord();
      assertThat(new String(letter.key(), UTF_8)).isEqualTo("k1");
      assertThat(new String(letter.value(), UTF_8)).isEqualTo("BOOM — مرحبا");
      assertThat(headerLines(letter.headers()))
          .containsExactly(
              "cw.dlq.stage=classify",
              "cw.dlq.exception=java.lang.IllegalArgumentException",
              "cw.dlq.reason=processor 'explode' failed: cannot handle 'BOOM — مرحبا'",
              "cw.dlq.topic=in",
              "cw.dlq.partition=0",
              "cw.dlq.offset=0");
      assertThat(deadLetters(driver).isEmpty()).isTrue();
      assertThat(
              driver
                  .createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
                  .readValuesToList())
          .containsExactly("PASSAGE");
    }
    assertThat(deadLettered("classify")).isEqualTo(1.0);
  }

  @Test
  void deserializationHandlerDeadLettersTheRecordAndContinues() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), JsonSerde.of(Post.class)))
        .mapValues(Post::text)
        .to("out", Produced.with(Serdes.String(), Serdes.String()));

    Properties config = config();
    // TopologyTestDriver's transactional mock producer only shows records sent while a record is
    // processed, and a record the deserializer rejects never is. The exactly-once path needs a
    // real broker to test.
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      TestInputTopic<String, byte[]> in =
          driver.createInputTopic("in", new StringSerializer(), new ByteArraySerializer());
      byte[] noText = "{\"platform\":\"telegram\"}".getBytes(UTF_8);
      in.pipeInput("telegram:x:1", noText);
      in.pipeInput(
          "telegram:x:2",
          ("{\"platform\":\"telegram\",\"channel\":\"x\",\"externalId\":\"2\","
                  + "\"text\":\"Переправа\",\"collectedAt\":\"2025-02-28T09:30:00Z\","
                  + "\"captureSha256\":\"ab12\"}")
              .getBytes(UTF_8));

      TestRecord<byte[], byte[]> letter = deadLetters(driver).readRecord();
      assertThat(new String(letter.key(), UTF_8)).isEqualTo("telegram:x:1");
      assertThat(letter.value()).isEqualTo(noText);
      assertThat(headerLines(letter.headers()))
          .containsExactly(
              "cw.dlq.stage=deserialize",
              "cw.dlq.exception=org.apache.kafka.common.errors.SerializationException",
              "cw.dlq.reason=cannot deserialize the record: Invalid Post JSON: missing required"
                  + " field 'channel' in Post",
              "cw.dlq.topic=in",
              "cw.dlq.partition=0",
              "cw.dlq.offset=0");
      assertThat(deadLetters(driver).isEmpty()).isTrue();
      assertThat(
              driver
                  .createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
                  .readValuesToList())
          .containsExactly("Переправа");
    }
    assertThat(deadLettered("deserialize")).isEqualTo(1.0);
  }

  @Test
  void pipelineThatWasNeverStartedClosesCleanly() throws IOException {
    try (Pipeline pipeline =
        Pipeline.create(
            "127.0.0.1:" + freePort(),
            KeywordTestClassifier::new,
            PipelineSettings.defaults(),
            stateDir,
            registry)) {
      assertThat(pipeline.state()).isEqualTo(KafkaStreams.State.CREATED);
      assertThat(pipeline.close(Duration.ofSeconds(10))).isTrue();
      assertThat(pipeline.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    }
  }

  private Properties config() {
    Properties config =
        Pipeline.streamsConfig("test-driver:9092", PipelineSettings.defaults(), stateDir);
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    return config;
  }

  private static TestOutputTopic<byte[], byte[]> deadLetters(TopologyTestDriver driver) {
    return driver.createOutputTopic(
        Topics.DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<String> headerLines(Headers headers) {
    return StreamSupport.stream(headers.spliterator(), false)
        .map(h -> h.key() + "=" + new String(h.value(), UTF_8))
        .toList();
  }

  private double deadLettered(String stage) {
    return registry
        .get(PipelineMetrics.POSTS_DEAD_LETTERED)
        .tag(PipelineMetrics.STAGE_TAG, stage)
        .counter()
        .count();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package org.crossingwatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.stream.deadletter.DeadLetterDeserializationHandler;
import org.crossingwatch.stream.deadletter.DeadLetterProcessingHandler;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import org.crossingwatch.stream.rules.LiveRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipeline: {@link PipelineTopology} in a {@link KafkaStreams} configured by {@link
 * #streamsConfig}, with its Kafka client metrics bound to the given Micrometer registry next to the
 * {@link org.crossingwatch.stream.metrics.PipelineMetrics} counters. A stream thread that dies of
 * an unexpected exception is logged and replaced. Create, {@link #start()}, and close once; the
 * methods are thread-safe.
 */
public final class Pipeline implements AutoCloseable {
  /** Short, so the embedded demo feels live; also the exactly-once default. */
  static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

  /** Bytes of store cache per instance, shared by its stream threads (10 MiB). */
  static final long STORE_CACHE_BYTES = 10L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics clientMetrics;
  private final MeterRegistry registry;

  private final Runnable globalStoresRestored;

  private Pipeline(KafkaStreams streams, MeterRegistry registry, Runnable globalStoresRestored) {
    this.streams = streams;
    this.globalStoresRestored = globalStoresRestored;
    this.registry = registry;
    this.clientMetrics = new KafkaStreamsMetrics(streams);
  }

  /**
   * An unstarted pipeline.
   *
   * @param bootstrapServers the Kafka cluster, {@code host:port[,host:port...]}
   * @param classifier asked once per post for the classifier to use (see {@link
   *     PipelineTopology#build(StreamsBuilder, Supplier, PipelineSettings, MeterRegistry)})
   * @param settings application id, limits, replication factor
   * @param stateDir where Kafka Streams keeps local state
   * @param registry where the pipeline counters and the Kafka Streams client metrics go
   * @throws NullPointerException if an argument is null
   */
  public static Pipeline create(
      String bootstrapServers,
      Supplier<PostClassifier> classifier,
      PipelineSettings settings,
      Path stateDir,
      MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry must not be null");
    Properties config = streamsConfig(bootstrapServers, settings, stateDir);
    return create(
        PipelineTopology.build(new StreamsBuilder(), classifier, settings, registry),
        config,
        registry,
        () -> {});
  }

  /**
   * An unstarted pipeline scoring with a live rule set kept current from {@code cw.rules} (see
   * {@link PipelineTopology#build(StreamsBuilder, LiveRuleSet, PipelineSettings, MeterRegistry)}).
   * The caller owns {@code rules} and closes it after the pipeline.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Pipeline create(
      String bootstrapServers,
      LiveRuleSet rules,
      PipelineSettings settings,
      Path stateDir,
      MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry must not be null");
    Properties config = streamsConfig(bootstrapServers, settings, stateDir);
    return create(
        PipelineTopology.build(new StreamsBuilder(), rules, settings, registry),
        config,
        registry,
        rules::tableRestored);
  }

  private static Pipeline create(
      Topology topology, Properties config, MeterRegistry registry, Runnable globalStoresRestored) {
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    KafkaStreams streams = new KafkaStreams(topology, config);
    streams.setUncaughtExceptionHandler(
        exception -> {
          LOG.error("Stream thread died; replacing it", exception);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener(
        (newState, oldState) -> LOG.info("Pipeline state {} -> {}", oldState, newState));
    return new Pipeline(streams, registry, globalStoresRestored);
  }

  /**
   * The Kafka Streams configuration of the pipeline: exactly-once v2, a 100 ms commit interval, one
   * produce request in flight per broker, the dead-letter exception handlers for deserialization
   * and processing, and the settings' application id and replication factor.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code bootstrapServers} is blank
   */
  public static Properties streamsConfig(
      String bootstrapServers, PipelineSettings settings, Path stateDir) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers must not be null");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          "bootstrapServers must not be blank, was '" + bootstrapServers + "'");
    }
    Objects.requireNonNull(settings, "settings must not be null");
    Objects.requireNonNull(stateDir, "stateDir must not be null");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
    // One produce request in flight per broker: with transactions v2, a batch sent while the
    // transaction's first batch to that partition is still unverified is refused with
    // OutOfOrderSequenceException and retried after a backoff (ERROR lines in the broker log and a
    // late commit); on a loaded machine that happened ~100 times per benchmark run, never with
    // this.
    config.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
    // The clustering and link stores are cached (PipelineTopology): updates of one key within a
    // commit interval reach RocksDB and the changelog once, at the commit. This is Kafka Streams'
    // default size, stated so the caching does not depend on it.
    config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, STORE_CACHE_BYTES);
    config.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    config.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    // Later stores and repartition topics must be named, so renaming an operator never orphans
    // state (KIP-1111).
    config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    return config;
  }

  /**
   * Starts processing and binds the Kafka Streams client metrics to the registry. Returns once the
   * global rule table is restored; a live rule set then swaps in the restored table (until then it
   * scores with its initial rules, never with a partial table).
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    clientMetrics.bindTo(registry);
    // KafkaStreams.start() returns only once every global store is restored to its end offsets.
    streams.start();
    globalStoresRestored.run();
  }

  /**
   * The Kafka Streams state, for health checks ({@code RUNNING} and {@code REBALANCING} are up).
   */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The Kafka Streams instance, for queries and health details; do not start or close it. */
  public KafkaStreams kafkaStreams() {
    return streams;
  }

  /**
   * Stops processing, waiting at most {@code timeout} for the stream threads to finish. The
   * instance leaves its consumer group, so its partitions move to the other instances (or to its
   * own restart) at once instead of after the session timeout.
   *
   * @return whether every thread stopped in time
   */
  public boolean close(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    clientMetrics.close();
    return streams.close(
        CloseOptions.timeout(timeout)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  /** As {@link #close(Duration)} with a 30-second timeout. */
  @Override
  public void close() {
    if (!close(DEFAULT_CLOSE_TIMEOUT)) {
      LOG.warn("Pipeline did not stop within {}", DEFAULT_CLOSE_TIMEOUT);
    }
  }
}

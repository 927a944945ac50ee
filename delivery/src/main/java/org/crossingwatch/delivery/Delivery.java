package org.crossingwatch.delivery;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.crossingwatch.delivery.internal.AlertConsumer;
import org.crossingwatch.delivery.internal.Outcomes;
import org.crossingwatch.delivery.internal.SinkWorker;
import org.crossingwatch.delivery.limits.RepostGate;
import org.crossingwatch.delivery.routing.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of alert delivery: consumes {@code cw.alerts} in its own consumer group
 * (read_committed, manual commits) and delivers each new alert, and each repost update that crosses
 * a threshold, to the sinks its routes name, each sink on its own worker thread.
 *
 * <p>Offsets are committed only after every sink of a record accepted it or it was parked on {@link
 * DeliveryTopics#FAILED}, so a crash re-delivers at most the records in flight (receivers can drop
 * those by the delivery id); a clean {@link #close()} waits for sends in progress and commits, so a
 * restart delivers nothing twice. Deliveries are counted in the given registry and audited on
 * {@code cw.audit} (user {@code delivery}, actions {@code delivery.sent} and {@code
 * delivery.failed}).
 *
 * <pre>{@code
 * try (Delivery delivery = Delivery.start(DeliveryConfig.load(file), "127.0.0.1:9092", registry)) {
 *   ... // runs until closed
 * }
 * }</pre>
 *
 * <p>The topics {@code cw.alerts}, {@code cw.audit}, {@code cw.dlq} and {@link
 * DeliveryTopics#FAILED} must exist. Thread-safe; {@link #close()} is idempotent.
 */
public final class Delivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  /** How long {@link #close()} waits for sends in progress before it commits and stops. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);

  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<String, SinkWorker> workers;
  private final AlertConsumer alertConsumer;
  private final Thread consumerThread;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Delivery(
      KafkaProducer<byte[], byte[]> producer,
      Map<String, SinkWorker> workers,
      AlertConsumer alertConsumer) {
    this.producer = producer;
    this.workers = workers;
    this.alertConsumer = alertConsumer;
    this.consumerThread = new Thread(alertConsumer, "delivery-consumer");
  }

  /**
   * Starts delivery with the system clock.
   *
   * @see #start(DeliveryConfig, String, MeterRegistry, Clock)
   */
  public static Delivery start(
      DeliveryConfig config, String bootstrapServers, MeterRegistry registry) {
    return start(config, bootstrapServers, registry, Clock.systemUTC());
  }

  /**
   * Starts delivery: opens the producer, one worker per sink and the consumer, and returns at once.
   *
   * @param config the configuration
   * @param bootstrapServers the Kafka cluster, {@code HOST:PORT[,...]}
   * @param registry where the delivery metrics go
   * @param clock the clock for rate limits, quiet hours, webhook timestamps and audit times
   * @return the running delivery; close it to stop
   */
  public static Delivery start(
      DeliveryConfig config, String bootstrapServers, MeterRegistry registry, Clock clock) {
    requireNonNull(config, "config");
    requireNonNull(bootstrapServers, "bootstrapServers");
    requireNonNull(registry, "registry");
    requireNonNull(clock, "clock");
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers));
    Outcomes outcomes = new Outcomes(producer, registry, clock);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    Map<String, SinkWorker> workers = new LinkedHashMap<>();
    for (SinkConfig sink : config.sinks()) {
      SinkContext context = new SinkContext(sink.name(), http, config.timeout(), clock);
      workers.put(
          sink.name(),
          new SinkWorker(
                  sink,
                  sink.target().open(context),
                  config.retry(),
                  config.consoleBaseUrl(),
                  clock,
                  outcomes)
              .start());
    }
    AlertConsumer alertConsumer =
        new AlertConsumer(
            new KafkaConsumer<>(consumerConfig(bootstrapServers, config.consumerGroup())),
            () -> new KafkaConsumer<>(restoreConfig(bootstrapServers)),
            workers,
            new Router(config.routes()),
            new RepostGate(config.repostThresholds()),
            outcomes,
            DRAIN_TIMEOUT);
    Delivery delivery = new Delivery(producer, workers, alertConsumer);
    delivery.consumerThread.start();
    LOG.info(
        "Delivery started: group {}, sinks {}, {} routes",
        config.consumerGroup(),
        workers.keySet(),
        config.routes().size());
    return delivery;
  }

  /**
   * Stops consuming, waits up to 15 s for sends in progress, commits what the sinks accepted, and
   * stops the workers. Alerts still held for a digest stay uncommitted and are delivered after the
   * next start. A second call does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      alertConsumer.stop();
      consumerThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      workers.values().forEach(SinkWorker::close);
      producer.close(Duration.ofSeconds(10));
      LOG.info("Delivery stopped");
    }
  }

  static Map<String, Object> producerConfig(String bootstrapServers) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "crossingwatch-delivery");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }

  static Map<String, Object> consumerConfig(String bootstrapServers, String group) {
    Map<String, Object> props = restoreConfig(bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "crossingwatch-delivery");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return props;
  }

  static Map<String, Object> restoreConfig(String bootstrapServers) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "crossingwatch-delivery-restore");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }
}

package org.crossingwatch.collectors;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.crossingwatch.collectors.internal.Backoff;
import org.crossingwatch.collectors.internal.CollectorMetrics;
import org.crossingwatch.collectors.internal.KafkaClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one {@link Source}'s posts to {@code cw.posts.raw}, on one thread named {@code
 * collector-<source id>}, so that a restart neither repeats nor skips posts.
 *
 * <h2>How exactly-once is achieved</h2>
 *
 * <ol>
 *   <li>The producer is transactional with {@code transactional.id =
 *       crossingwatch-collector-<source id>} (which implies idempotence and {@code acks=all}).
 *       Registering that id fences any older producer of the same source and aborts whatever
 *       transaction it left open.
 *   <li>Each batch is one transaction: its posts go to {@code cw.posts.raw} (key = post key, value
 *       = Post JSON) and the {@link Checkpoint} after them to {@code cw.collector.state} (key =
 *       source id). Both become visible together or not at all.
 *   <li>On start the runner registers the producer, then reads the latest <em>committed</em>
 *       checkpoint for its source ({@link KafkaCheckpointStore}, {@code read_committed}) and polls
 *       the source from there.
 * </ol>
 *
 * So whatever a crash interrupts, the posts a reader can see are exactly those up to the committed
 * checkpoint, and the next run starts right after them.
 *
 * <p><b>Consumers of {@code cw.posts.raw} must use {@code isolation.level=read_committed}</b>
 * (Kafka Streams does with {@code exactly_once_v2}); a {@code read_uncommitted} consumer also sees
 * posts of aborted transactions, that is, duplicates of retried batches.
 *
 * <h2>Failures</h2>
 *
 * <ul>
 *   <li>A producer error aborts the transaction and retries the same batch after an exponential,
 *       jittered, capped backoff. If the producer cannot even abort (for example after a commit
 *       timed out, when it is unknown whether the batch was committed), it is replaced and the
 *       position re-read from the checkpoint store.
 *   <li>A source that cannot be read ({@link IOException}) or a checkpoint store that cannot be
 *       read ({@link KafkaException}) is retried after the same backoff.
 *   <li>Fatal errors stop the runner with one clear log line and {@link #failure()}: the producer
 *       was fenced ({@link ProducerFencedException}: another collector with the same source id took
 *       over), is not authorised, or lost its sequence; any other exception from the source or
 *       store is a bug or a misconfiguration.
 *   <li>Skipped items ({@link Batch#problems()}) are logged with their location and reason and
 *       counted once their batch is committed.
 * </ul>
 *
 * <h2>Lifecycle</h2>
 *
 * {@link #start()} once; the runner then polls until the source is exhausted and stops, or, with
 * {@link Builder#followEvery(Duration)}, keeps polling every interval (files grow). {@link
 * #close()} stops it: the transaction in progress is committed (or aborted if it fails), then the
 * producer, the checkpoint store and the source are closed. The runner owns all three. {@code
 * close()} is idempotent and may be called from any thread.
 *
 * <h2>Counters</h2>
 *
 * With a {@link Builder#meterRegistry(MeterRegistry)}, all tagged {@code source}: {@code
 * crossingwatch.collector.posts.published}, {@code crossingwatch.collector.posts.skipped} (tag
 * {@code reason}), {@code crossingwatch.collector.errors} (tag {@code stage}: {@code
 * checkpoint-load}, {@code source-read}, {@code publish}, {@code fatal}).
 */
public final class CollectorRunner implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectorRunner.class);

  private final String sourceId;
  private final CollectorLoop loop;
  private final Duration closeTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object lifecycle = new Object();
  private Thread thread;

  private CollectorRunner(Builder b) {
    this.sourceId = b.source.id();
    this.loop =
        new CollectorLoop(
            b.source,
            new TransactionalPublisher(b.producers),
            b.checkpoints,
            b.batchSize,
            b.followInterval,
            new Backoff(b.backoffInitial, b.backoffMax),
            new CollectorMetrics(b.registry, sourceId),
            b.clock);
    this.closeTimeout = b.closeTimeout;
  }

  /** A builder for a runner of {@code source}. */
  public static Builder builder(Source source) {
    return new Builder(source);
  }

  /** The {@link Source#id()} this runner publishes. */
  public String sourceId() {
    return sourceId;
  }

  /**
   * Starts the runner's thread.
   *
   * @throws IllegalStateException when already started or closed
   */
  public void start() {
    synchronized (lifecycle) {
      if (closed.get()) {
        throw new IllegalStateException("CollectorRunner for '" + sourceId + "' is closed");
      }
      if (thread != null) {
        throw new IllegalStateException(
            "CollectorRunner for '" + sourceId + "' is already started");
      }
      thread = new Thread(loop, "collector-" + sourceId);
      thread.start();
    }
  }

  /**
   * Waits until the runner has stopped (the source was exhausted, it was closed, or it failed) and
   * released its resources.
   *
   * @return true when it stopped within {@code timeout}
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return loop.awaitTermination(timeout);
  }

  /** The last checkpoint committed or, before the first commit, the one resumed from. */
  public Optional<Checkpoint> lastCheckpoint() {
    return loop.lastCheckpoint();
  }

  /** Posts published for this source over all runs, as of {@link #lastCheckpoint()}. */
  public long postsPublished() {
    return loop.postsPublished();
  }

  /** Posts published by this runner since it started, that is, after the checkpoint it resumed. */
  public long postsPublishedThisRun() {
    return loop.postsPublishedThisRun();
  }

  /** Why the runner stopped on its own, if it failed; empty while running or after a clean stop. */
  public Optional<Throwable> failure() {
    return loop.failure();
  }

  /**
   * Stops the runner and waits (up to the close timeout) for it to finish the transaction in
   * progress and release the producer, the checkpoint store and the source. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    loop.stop();
    Thread running;
    synchronized (lifecycle) {
      running = thread;
    }
    if (running == null) {
      loop.releaseResources();
      return;
    }
    if (running == Thread.currentThread()) {
      return; // called from the runner's own thread (a source, say): it stops after this step
    }
    try {
      if (!loop.awaitTermination(closeTimeout)) {
        LOG.warn(
            "Collector {} did not stop within {}; leaving thread {} to finish",
            sourceId,
            closeTimeout,
            running.getName());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Settings for a {@link CollectorRunner}. A producer is required ({@link #kafka(String)} or
   * {@link #producerFactory(Supplier)}), and so is a checkpoint store ({@link #kafka(String)} or
   * {@link #checkpointStore(CheckpointStore)}). A {@link #producerFactory} or {@link
   * #checkpointStore} given after {@code kafka(...)} replaces that part of it.
   */
  public static final class Builder {
    private final Source source;
    private Supplier<String> bootstrapServers;
    private Optional<Duration> kafkaTimeout = Optional.empty();
    private Supplier<? extends Producer<String, byte[]>> producers;
    private CheckpointStore checkpoints;
    private int batchSize = 500;
    private Optional<Duration> followInterval = Optional.empty();
    private Duration backoffInitial = Duration.ofMillis(100);
    private Duration backoffMax = Duration.ofSeconds(30);
    private Optional<MeterRegistry> registry = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Duration closeTimeout = Duration.ofSeconds(60);

    private Builder(Source source) {
      this.source = Objects.requireNonNull(source, "source");
      Objects.requireNonNull(source.id(), "source id");
    }

    /**
     * Publishes to, and resumes from, the cluster at {@code bootstrapServers}: a transactional
     * {@link KafkaProducer} with {@code transactional.id = crossingwatch-collector-<source id>} and
     * a {@link KafkaCheckpointStore}.
     */
    public Builder kafka(String bootstrapServers) {
      // Validated now rather than at the first connection.
      KafkaClientConfigs.transactionalProducer(bootstrapServers, source.id());
      return kafka(() -> bootstrapServers);
    }

    /**
     * Like {@link #kafka(String)}, but the address is asked of {@code bootstrapServers} whenever a
     * connection is made anew: for each producer (the first, and each one replacing a producer that
     * could not abort its transaction) and for each checkpoint load. A running producer keeps the
     * brokers it learnt, so this is for clusters that may come back at another address, such as a
     * broker restarted on new ports; pair it with {@link #kafkaTimeout(Duration)} so that a
     * producer stuck on the old address is given up in good time.
     */
    public Builder kafka(Supplier<String> bootstrapServers) {
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      this.producers = null;
      this.checkpoints = null;
      return this;
    }

    /**
     * With {@link #kafka}: how long one Kafka call may block before the runner gives it up, aborts
     * and retries after its backoff (at least 1 s). By default Kafka's own limits apply: 60 s to
     * block ({@code max.block.ms}), 2 min for a delivery, 60 s per checkpoint load.
     */
    public Builder kafkaTimeout(Duration timeout) {
      KafkaClientConfigs.producerTimeouts(timeout); // validates
      this.kafkaTimeout = Optional.of(timeout);
      return this;
    }

    /**
     * Where producers come from (tests pass a {@code MockProducer}). Each must be transactional; a
     * new one is asked for only when the previous one could not abort a transaction.
     */
    public Builder producerFactory(Supplier<? extends Producer<String, byte[]>> producers) {
      this.producers = Objects.requireNonNull(producers, "producers");
      return this;
    }

    /** Where the checkpoint to resume from is read. */
    public Builder checkpointStore(CheckpointStore checkpoints) {
      this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
      return this;
    }

    /** Most posts per poll and transaction; default 500. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Keeps polling an exhausted source every {@code interval} instead of stopping (default). */
    public Builder followEvery(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("follow interval must be positive, got " + interval);
      }
      this.followInterval = Optional.of(interval);
      return this;
    }

    /** Retry waits: from {@code initial} (default 100 ms) doubling up to {@code max} (30 s). */
    public Builder backoff(Duration initial, Duration max) {
      new Backoff(initial, max); // validates
      this.backoffInitial = initial;
      this.backoffMax = max;
      return this;
    }

    /** Where the counters go; none by default. */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Optional.of(Objects.requireNonNull(registry, "registry"));
      return this;
    }

    /** The clock for checkpoints' {@code updatedAt}; default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long {@link CollectorRunner#close()} waits for the thread; default 60 s. */
    public Builder closeTimeout(Duration closeTimeout) {
      this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
      return this;
    }

    /**
     * The runner, not started.
     *
     * @throws IllegalStateException when no producer or no checkpoint store was given
     */
    public CollectorRunner build() {
      if (bootstrapServers != null && producers == null) {
        producers = kafkaProducers(bootstrapServers);
      }
      if (bootstrapServers != null && checkpoints == null) {
        checkpoints =
            KafkaCheckpointStore.forBootstrapServers(
                bootstrapServers, kafkaTimeout.orElse(Duration.ofSeconds(60)));
      }
      if (producers == null) {
        throw new IllegalStateException(
            "CollectorRunner for '"
                + source.id()
                + "' needs a producer: call kafka(bootstrapServers) or producerFactory(...)");
      }
      if (checkpoints == null) {
        throw new IllegalStateException(
            "CollectorRunner for '"
                + source.id()
                + "' needs a checkpoint store: call kafka(bootstrapServers) or"
                + " checkpointStore(...)");
      }
      return new CollectorRunner(this);
    }

    private Supplier<Producer<String, byte[]>> kafkaProducers(Supplier<String> addresses) {
      String sourceId = source.id();
      Map<String, Object> timeouts =
          kafkaTimeout.map(KafkaClientConfigs::producerTimeouts).orElse(Map.of());
      return () -> {
        Map<String, Object> config =
            new HashMap<>(KafkaClientConfigs.transactionalProducer(addresses.get(), sourceId));
        config.putAll(timeouts);
        return new KafkaProducer<>(config);
      };
    }
  }
}

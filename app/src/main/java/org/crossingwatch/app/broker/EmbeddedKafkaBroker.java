package org.crossingwatch.app.broker;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) inside this JVM, for the
 * all-in-one {@code crossingwatch run} mode and for integration tests.
 *
 * <p>The node has id 1, a static one-voter quorum and two listeners on 127.0.0.1: {@code PLAINTEXT}
 * for clients and {@code CONTROLLER} for KRaft, each on a free port chosen at every start. Nothing
 * that clients need is tied to the ports, so a restart on new ports keeps the topics, offsets and
 * cluster id; callers must take {@link #bootstrapServers()} afresh after each start. Internal
 * topics have one replica, topics are never created automatically, and transactions (transactional
 * producers, Kafka Streams {@code exactly_once_v2}) work.
 *
 * <p>The data directory is formatted (the equivalent of {@code kafka-storage format} with a new
 * random cluster id) only when it holds no {@code meta.properties}; otherwise it is reused as it
 * is. The broker holds a lock on the directory ({@code .crossingwatch.lock}) from before Kafka
 * opens it until it has shut down, so a second broker on the same directory, in this or another
 * process, fails to start and leaves the first one's data alone. (Kafka's own {@code .lock} comes
 * too late in combined mode: a second Kafka node writes to the metadata log before it fails.)
 *
 * <p><b>Fatal faults halt the JVM.</b> When the broker meets a fault it cannot recover from
 * (metadata log corruption, a failed disk), Kafka's fault handler calls {@code
 * org.apache.kafka.common.utils.internals.Exit.halt}. This class deliberately leaves that as it is:
 * Kafka's halt/exit procedures are JVM-wide statics, and replacing them with an exception would
 * leave a broker of unknown state serving clients, and would also swallow every other Kafka tool's
 * exit. The all-in-one mode is for one machine and is restarted by its operator; production uses a
 * real cluster. Tests replace the procedures themselves for the duration of a run (see the
 * test-side {@code FatalFaultGuard}), so a fault fails the test instead of killing the test JVM.
 *
 * <p>This is the only class of the application that touches Kafka's (non-public) server classes.
 * Instances are thread-safe. The broker registers no shutdown hook: its owner closes it, once, on
 * its single shutdown path.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  /** How long {@link #start} waits for the broker to answer a client after its start-up. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  /** How often to pick new ports when another process took one between probe and bind. */
  private static final int BIND_ATTEMPTS = 3;

  private final KafkaRaftServer server;
  private final DataDirLock lock;
  private final Path dataDir;
  private final String bootstrapServers;
  private final Ports ports;
  private final Map<String, String> overrides;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafkaBroker(
      KafkaRaftServer server,
      DataDirLock lock,
      Path dataDir,
      String bootstrapServers,
      Ports ports,
      Map<String, String> overrides) {
    this.server = server;
    this.lock = lock;
    this.dataDir = dataDir;
    this.bootstrapServers = bootstrapServers;
    this.ports = ports;
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * Starts a broker on {@code dataDir} with the default settings.
   *
   * @see #start(Path, Map)
   */
  public static EmbeddedKafkaBroker start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /**
   * Starts a broker on {@code dataDir}, creating and formatting the directory when it holds no
   * Kafka node yet, and blocks until the broker answers client requests.
   *
   * @param dataDir the directory for the broker's metadata and topic logs ({@code ./data/kafka} in
   *     the all-in-one mode)
   * @param overrides extra Kafka broker settings applied over the defaults, such as {@code
   *     log.retention.hours}; the settings that define the node, its storage and its listeners
   *     ({@code node.id}, {@code process.roles}, {@code listeners}, {@code log.dirs}, ...) cannot
   *     be overridden
   * @return the running broker; close it to stop it
   * @throws IllegalArgumentException if an override names a setting the broker manages
   * @throws IllegalStateException if the directory cannot be created or formatted, or the broker
   *     does not start (another broker holds the directory, bad settings, no client answer within
   *     60 s); the message names the directory and Kafka's reason
   */
  public static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides) {
    return start(dataDir, overrides, null);
  }

  /**
   * Starts a new broker on this stopped broker's data directory, settings and ports, so that
   * clients still configured with {@link #bootstrapServers()} reconnect to it: a broker outage, for
   * tests of the clients' recovery.
   *
   * @return the running broker; close it to stop it
   * @throws IllegalStateException if this broker has not been closed, or the ports were taken while
   *     it was down, or the broker does not start
   */
  public EmbeddedKafkaBroker restart() {
    if (!closed.get()) {
      throw new IllegalStateException("Close the broker at " + bootstrapServers + " first");
    }
    return start(dataDir, overrides, ports);
  }

  private static EmbeddedKafkaBroker start(
      Path dataDir, Map<String, String> overrides, Ports fixedPorts) {
    requireNonNull(dataDir, "dataDir");
    BrokerSettings.checkOverrides(overrides);
    Path dir = dataDir.toAbsolutePath().normalize();
    createDirectory(dir);
    long startNanos = System.nanoTime();
    DataDirLock lock = DataDirLock.acquire(dir);
    try {
      boolean formatted = false;
      for (int attempt = 1; ; attempt++) {
        Ports ports = fixedPorts == null ? Ports.free() : fixedPorts;
        Map<String, String> settings = BrokerSettings.of(dir, ports, overrides);
        if (!StorageFormat.isFormatted(dir)) {
          StorageFormat.format(dir, settings);
          formatted = true;
        }
        KafkaRaftServer server;
        try {
          server = startServer(dir, settings);
        } catch (PortTakenException e) {
          if (attempt == BIND_ATTEMPTS || fixedPorts != null) {
            throw new IllegalStateException(failure(dir, e.getCause()), e.getCause());
          }
          LOG.debug("Kafka ports {} were taken before the broker bound them, retrying", ports, e);
          continue;
        }
        String bootstrap = BrokerSettings.address(ports.brokerPort());
        String clusterId = awaitReady(server, dir, bootstrap);
        LOG.info(
            "Embedded Kafka broker up at {} (data {}, cluster id {}, {}, started in {} ms)",
            bootstrap,
            dir,
            clusterId,
            formatted ? "newly formatted" : "existing data",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return new EmbeddedKafkaBroker(server, lock, dir, bootstrap, ports, overrides);
      }
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The address clients connect to, {@code 127.0.0.1:<port>}; new at every start. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The absolute, normalised data directory this broker runs on. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Shuts the broker down cleanly and waits until it has stopped. A second call does nothing.
   *
   * @throws IllegalStateException if Kafka's shutdown fails
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Embedded Kafka broker on " + dataDir + " did not shut down cleanly: " + e.getMessage(),
          e);
    } finally {
      lock.close();
    }
    LOG.debug("Embedded Kafka broker at {} stopped", bootstrapServers);
  }

  @Override
  public String toString() {
    return "EmbeddedKafkaBroker[" + bootstrapServers + ", " + dataDir + "]";
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not create Kafka data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static KafkaRaftServer startServer(Path dir, Map<String, String> settings) {
    KafkaRaftServer server;
    try {
      server = new KafkaRaftServer(new KafkaConfig(settings, false), Time.SYSTEM);
    } catch (RuntimeException e) {
      throw new IllegalStateException(failure(dir, e), e);
    }
    try {
      server.startup();
      return server;
    } catch (RuntimeException e) {
      shutDownAfterFailure(server, e);
      if (hasCause(e, BindException.class)) {
        throw new PortTakenException(e);
      }
      throw new IllegalStateException(failure(dir, e), e);
    }
  }

  private static String awaitReady(KafkaRaftServer server, Path dir, String bootstrap) {
    int timeoutMs = Math.toIntExact(READY_TIMEOUT.toMillis());
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.CLIENT_ID_CONFIG, "crossingwatch-embedded-broker-probe",
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    try (Admin admin = Admin.create(config)) {
      DescribeClusterResult cluster =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
      // The timeout on get() only backs up the request's own timeout.
      int nodes = cluster.nodes().get(timeoutMs + 5_000L, TimeUnit.MILLISECONDS).size();
      if (nodes != 1) {
        throw new IllegalStateException("expected 1 live broker, the cluster reports " + nodes);
      }
      return cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutDownAfterFailure(server, e);
      throw new IllegalStateException(
          "Interrupted while waiting for the embedded Kafka broker on " + dir, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      shutDownAfterFailure(server, e);
      throw new IllegalStateException(
          "Embedded Kafka broker on "
              + dir
              + " started but did not answer clients at "
              + bootstrap
              + " within "
              + READY_TIMEOUT.toSeconds()
              + " s: "
              + messages(e),
          e);
    }
  }

  private static void shutDownAfterFailure(KafkaRaftServer server, Exception failure) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static String failure(Path dir, Throwable e) {
    return "Could not start the embedded Kafka broker on " + dir + ": " + messages(e);
  }

  /** The distinct messages of a cause chain, outermost first: Kafka often wraps its reason. */
  private static String messages(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
      if (messages.stream().noneMatch(m -> m.contains(message))) {
        messages.add(message);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return String.join(": ", messages);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  /** A listener port was taken by someone else between choosing it and binding it. */
  private static final class PortTakenException extends RuntimeException {
    PortTakenException(Throwable cause) {
      super(cause);
    }
  }
}

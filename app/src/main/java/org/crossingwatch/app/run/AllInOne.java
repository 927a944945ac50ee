package org.crossingwatch.app.run;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.console.ConsoleCommand;
import org.crossingwatch.app.ops.JvmMeters;
import org.crossingwatch.app.process.RulePublisher;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.collectors.CollectorRunner;
import org.crossingwatch.collectors.config.CollectorConfig;
import org.crossingwatch.collectors.config.CollectorFleet;
import org.crossingwatch.collectors.jsonl.JsonlSource;
import org.crossingwatch.console.Console;
import org.crossingwatch.console.ConsoleSettings;
import org.crossingwatch.console.ReadinessCheck;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Users;
import org.crossingwatch.delivery.Delivery;
import org.crossingwatch.delivery.DeliveryConfig;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.Pipeline;
import org.crossingwatch.stream.PipelineSettings;
import org.crossingwatch.stream.rules.LiveRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything in one JVM: the embedded broker (or an existing cluster), the topics, the JSONL
 * collector, the classification pipeline, the alert printer and the HTTP endpoints. Started by
 * {@code crossingwatch run} and by the end-to-end tests.
 *
 * <p>Parts start in data-flow order and stop in reverse order on the one shutdown path, {@link
 * #close()}, which is idempotent.
 */
public final class AllInOne implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AllInOne.class);
  private static final String PIPELINE_APPLICATION_ID = "crossingwatch-pipeline";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private String bootstrapServers;
  private Pipeline pipeline;
  private CollectorRunner collector;
  private Console console;

  private AllInOne() {}

  /**
   * Starts every part and returns once they run.
   *
   * @param settings what to start with
   * @param out where progress and alert lines go
   * @throws RuleLoadException when the rule packs do not load; nothing is left running
   * @throws IllegalStateException when a part cannot start; nothing is left running
   */
  public static AllInOne start(RunSettings settings, PrintWriter out)
      throws RuleLoadException, IOException {
    AllInOne all = new AllInOne();
    try {
      all.startParts(settings, out);
      return all;
    } catch (RuleLoadException | IOException | RuntimeException e) {
      all.close();
      throw e;
    }
  }

  private void startParts(RunSettings settings, PrintWriter out)
      throws RuleLoadException, IOException {
    started.push(JvmMeters.bindTo(registry));
    List<Rule> ruleFiles = RulePackLoader.load(settings.rules());
    LiveRuleSet rules = LiveRuleSet.start(ruleFiles, settings.classifier(), registry);
    // Pushed before the pipeline, so it closes after the pipeline stopped scoring with it.
    started.push(rules);
    out.printf(
        "Rules: %d from %s (version %s)%n",
        rules.rules().size(), settings.rules(), rules.ruleSetVersion());

    short replicationFactor;
    if (settings.bootstrapServers().isPresent()) {
      bootstrapServers = settings.bootstrapServers().get();
      replicationFactor = replicationFactorFor(bootstrapServers);
      out.printf("Kafka: %s (replication factor %d)%n", bootstrapServers, replicationFactor);
    } else {
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"));
      started.push(broker);
      bootstrapServers = broker.bootstrapServers();
      replicationFactor = 1;
      out.printf("Kafka: embedded broker on %s, data in %s%n", bootstrapServers, broker.dataDir());
    }
    try (Admin admin = Admin.create(adminConfig())) {
      List<String> created =
          TopicPlan.standard(settings.partitions(), replicationFactor).apply(admin);
      if (!created.isEmpty()) {
        out.printf("Topics created: %s%n", String.join(", ", created));
      }
    }
    // The files are the analysts' source of truth in this mode: publish them to cw.rules so every
    // instance (and a restart) runs the same set.
    RulePublisher.Published published = new RulePublisher(bootstrapServers).publish(ruleFiles);
    if (!published.upserted().isEmpty() || !published.deleted().isEmpty()) {
      out.printf(
          "Rules published to %s: %d changed, %d removed%n",
          Topics.RULES, published.upserted().size(), published.deleted().size());
    }
    out.flush();

    pipeline =
        Pipeline.create(
            bootstrapServers,
            rules,
            PipelineSettings.defaults()
                .withApplicationId(PIPELINE_APPLICATION_ID)
                .withReplicationFactor(replicationFactor),
            settings.dataDir().resolve("streams"),
            registry);
    started.push(() -> pipeline.close(Duration.ofSeconds(30)));
    pipeline.start();

    AlertPrinter printer = new AlertPrinter(bootstrapServers, out);
    started.push(printer);
    printer.start();

    CollectorRunner.Builder collectorBuilder =
        CollectorRunner.builder(JsonlSource.of(settings.posts()))
            .kafka(bootstrapServers)
            .meterRegistry(registry);
    if (settings.followPosts()) {
      collectorBuilder.followEvery(Duration.ofSeconds(5));
    }
    collector = collectorBuilder.build();
    started.push(collector);
    collector.start();
    out.printf("Collecting: %s%n", settings.posts());

    ConsoleSettings consoleSettings =
        ConsoleSettings.defaults(settings.dataDir())
            .withHost(settings.httpHost())
            .withPort(settings.httpPort());
    if (settings.sources().isPresent()) {
      CollectorConfig sources = CollectorConfig.load(settings.sources().get());
      CollectorFleet fleet =
          CollectorFleet.start(sources, bootstrapServers, Optional.of(registry), Clock.systemUTC());
      started.push(fleet);
      // The console exports each post's WARC capture from the collectors' evidence folder.
      consoleSettings = consoleSettings.withWarcDir(sources.evidenceDir());
      out.printf(
          "Collecting: %d sources from %s%n", sources.sources().size(), settings.sources().get());
    }
    if (settings.delivery().isPresent()) {
      Delivery delivery =
          Delivery.start(
              DeliveryConfig.load(settings.delivery().get()), bootstrapServers, registry);
      started.push(delivery);
      out.printf("Delivering alerts as set in %s%n", settings.delivery().get());
    }
    // A fresh data folder has no console users yet: make an admin and show its password once.
    ConsoleCommand.printBootstrapPassword(
        out, Users.bootstrapAdminIfMissing(consoleSettings.usersFile(), new PasswordHasher()));
    console =
        Console.start(
            consoleSettings,
            bootstrapServers,
            registry,
            List.of(
                new ReadinessCheck("pipeline", () -> pipeline.state().isRunningOrRebalancing()),
                new ReadinessCheck("collector", () -> collector.failure().isEmpty())));
    started.push(console);
    out.printf(
        "Console: http://%s:%d (also /health, /ready, /metrics)%n",
        settings.httpHost(), console.port());
    out.flush();
  }

  /** Three replicas where the cluster has three brokers, fewer on a smaller cluster. */
  private short replicationFactorFor(String servers) {
    try (Admin admin = Admin.create(adminConfig())) {
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      return (short) Math.max(1, Math.min(3, brokers));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while contacting Kafka at " + servers, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Could not reach Kafka at " + servers + ": " + e.getMessage(), e);
    }
  }

  private Map<String, Object> adminConfig() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  /** The Kafka address in use: the embedded broker's or the one given. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The port the HTTP endpoints listen on. */
  public int httpPort() {
    return console.port();
  }

  /** The registry behind {@code /metrics}. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The JSONL collector, for callers that wait for the replay to finish. */
  public CollectorRunner collector() {
    return collector;
  }

  /** Stops every part that started, newest first; a failing part does not stop the others. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", part, e.toString(), e);
      }
    }
    registry.close();
  }
}

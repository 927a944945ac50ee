package org.crossingwatch.app.collect;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.crossingwatch.app.ClusterOption;
import org.crossingwatch.app.ops.OpsHttpOptions;
import org.crossingwatch.collectors.CollectorRunner;
import org.crossingwatch.collectors.config.CollectorConfig;
import org.crossingwatch.collectors.config.CollectorFleet;
import org.crossingwatch.collectors.config.ConfigException;
import org.crossingwatch.console.ReadinessCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch collect}: runs every source of a collectors config, each with its own
 * transactional runner publishing to {@code cw.posts.raw}, until Ctrl-C.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = "Collects posts from the sources in a config into cw.posts.raw until Ctrl-C.")
public final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      description = "The collectors YAML config (see docs/sources.md).")
  Path config;

  @Mixin ClusterOption cluster;

  @Mixin OpsHttpOptions http;

  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CollectorConfig loaded;
    try {
      loaded = CollectorConfig.load(config);
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "Invalid config:\n" + e.getMessage(), e);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (CollectorFleet fleet =
        CollectorFleet.start(
            loaded, cluster.bootstrapServers(), Optional.of(registry), Clock.systemUTC())) {
      Javalin ops =
          http.start(
              registry,
              List.of(
                  new ReadinessCheck(
                      "collectors",
                      () -> fleet.runners().stream().allMatch(r -> r.failure().isEmpty()))));
      Thread hook = new Thread(stop::countDown, "collect-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      for (CollectorRunner runner : fleet.runners()) {
        out.println("Collecting " + runner.sourceId());
      }
      out.flush();
      stop.await();
      out.println("Stopping " + fleet.runners().size() + " collectors");
      out.flush();
      ops.stop();
    }
    return 0;
  }

  /** Stops a running {@link #call()} as Ctrl-C would (for tests and the all-in-one mode). */
  public void stop() {
    stop.countDown();
  }
}

package org.crossingwatch.app.deliver;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.crossingwatch.app.ClusterOption;
import org.crossingwatch.app.ops.OpsHttpOptions;
import org.crossingwatch.delivery.Delivery;
import org.crossingwatch.delivery.DeliveryConfig;
import org.crossingwatch.delivery.DeliveryConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crossingwatch deliver}: the alert delivery role against an existing Kafka cluster. */
@Command(
    name = "deliver",
    mixinStandardHelpOptions = true,
    description = {
      "Delivers alerts from cw.alerts to webhooks, e-mail and chat rooms as the routes in the",
      "configuration say, with rate limits, quiet hours, retries and parking on",
      "cw.delivery.failed. Secrets come from environment variables or files. Ctrl-C stops it."
    })
public final class DeliverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      description = "The delivery configuration (YAML); see docs/delivery.md.")
  Path config;

  @Mixin ClusterOption cluster;

  @Mixin OpsHttpOptions http;

  @Override
  public Integer call() throws Exception {
    DeliveryConfig deliveryConfig = loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CountDownLatch stopped = new CountDownLatch(1);
    Delivery delivery = Delivery.start(deliveryConfig, cluster.bootstrapServers(), registry);
    Javalin ops = http.start(registry, List.of());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  delivery.close();
                  ops.stop();
                  stopped.countDown();
                },
                "deliver-shutdown"));
    out.println(
        "Delivering alerts to "
            + deliveryConfig.sinks().size()
            + " sinks by "
            + deliveryConfig.routes().size()
            + " routes. Ctrl-C stops.");
    out.flush();
    stopped.await();
    return 0;
  }

  /** The configuration, with its mistakes reported as usage errors naming file, line and column. */
  DeliveryConfig loadConfig() {
    try {
      return DeliveryConfig.load(config);
    } catch (DeliveryConfigException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (java.io.UncheckedIOException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --config " + config + ": " + e.getCause().getMessage());
    }
  }
}

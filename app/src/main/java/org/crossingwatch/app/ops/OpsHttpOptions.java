package org.crossingwatch.app.ops;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.crossingwatch.console.ConsoleServer;
import org.crossingwatch.console.ReadinessCheck;
import picocli.CommandLine.Option;

/**
 * The {@code --http-host} and {@code --http-port} options of the roles that serve only the
 * operations endpoints ({@code /health}, {@code /ready}, {@code /metrics}), and the server they
 * start. Used as a picocli mixin.
 */
public final class OpsHttpOptions {
  @Option(
      names = {"--http-host"},
      defaultValue = "127.0.0.1",
      description = "Address for /health, /ready and /metrics (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = {"--http-port"},
      defaultValue = "8080",
      description =
          "Port for /health, /ready and /metrics; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  /**
   * Binds the JVM meters to {@code registry} and starts the operations endpoints on it.
   *
   * @return the started server; stop it on shutdown
   */
  public Javalin start(PrometheusMeterRegistry registry, List<ReadinessCheck> checks) {
    JvmMeters.bindTo(registry);
    return ConsoleServer.create(registry, checks).start(host, port);
  }
}

package org.crossingwatch.console;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * The console's front door: builds the HTTP application. For now it serves the operations endpoints
 * every role exposes ({@code /health}, {@code /ready}, {@code /metrics}); the officers' pages
 * arrive with their own issue and will require login.
 *
 * <p>The returned {@link Javalin} is not started; the caller starts it on the address it chooses
 * and stops it on shutdown.
 */
public final class ConsoleServer {
  private ConsoleServer() {}

  /**
   * Creates the unstarted application.
   *
   * @param registry the registry whose meters {@code /metrics} renders
   * @param checks the conditions {@code /ready} reports; empty means always ready
   */
  public static Javalin create(PrometheusMeterRegistry registry, List<ReadinessCheck> checks) {
    Objects.requireNonNull(registry, "registry");
    OpsEndpoints ops = new OpsEndpoints(registry, checks);
    return Javalin.create(
        config -> {
          config.showJavalinBanner = false;
          config.useVirtualThreads = false;
          config.router.apiBuilder(
              () -> {
                get("/health", ops::health);
                get("/ready", ops::ready);
                get("/metrics", ops::metrics);
              });
        });
  }
}

package org.crossingwatch.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers for the endpoints every role serves: liveness, readiness and Prometheus metrics. */
final class OpsEndpoints {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final List<ReadinessCheck> checks;

  OpsEndpoints(PrometheusMeterRegistry registry, List<ReadinessCheck> checks) {
    this.registry = registry;
    this.checks = List.copyOf(checks);
  }

  /**
   * Liveness: the process answers. Says nothing about Kafka, so a broker outage never restarts us.
   */
  void health(Context ctx) {
    ctx.json(Map.of("status", "UP"));
  }

  /** Readiness: 200 when every check passes, otherwise 503; the body names each check's state. */
  void ready(Context ctx) {
    Map<String, String> states = new LinkedHashMap<>();
    boolean ready = true;
    for (ReadinessCheck check : checks) {
      boolean passes = check.passes();
      ready &= passes;
      states.put(check.name(), passes ? "UP" : "DOWN");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "UP" : "DOWN");
    body.put("checks", states);
    ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }

  void metrics(Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
  }
}

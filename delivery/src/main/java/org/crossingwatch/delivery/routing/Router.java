package org.crossingwatch.delivery.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crossingwatch.model.Alert;

/** Applies every route to an alert. Immutable and thread-safe. */
public final class Router {
  private final List<Route> routes;

  /** A router over {@code routes}, applied in order. */
  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /**
   * The sinks {@code alert} goes to: the union of the sinks of every matching route, each once, in
   * route order; empty when no route matches.
   */
  public List<String> sinksFor(Alert alert) {
    Set<String> sinks = new LinkedHashSet<>();
    for (Route route : routes) {
      if (route.matches(alert)) {
        sinks.addAll(route.sinks());
      }
    }
    return List.copyOf(sinks);
  }
}

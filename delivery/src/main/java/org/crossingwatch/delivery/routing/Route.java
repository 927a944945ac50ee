package org.crossingwatch.delivery.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.crossingwatch.model.Alert;

/**
 * One routing rule: alerts that meet every given condition go to the named sinks. An empty
 * condition list means "any". Within a list, one match is enough.
 *
 * @param name the route's name, for logs and errors
 * @param languages detected languages (BCP 47 codes such as {@code ar}, {@code ku}, {@code ckb})
 * @param platforms platforms of the alert's post ({@code telegram})
 * @param channels channels the alert was seen in, as {@code platform:channel} or just {@code
 *     channel}
 * @param categories categories of the rules that matched ({@code crossing}, {@code documents})
 * @param minScore the lowest score that matches, in [0,1]
 * @param sinks the names of the sinks to deliver to, at least one
 */
public record Route(
    String name,
    List<String> languages,
    List<String> platforms,
    List<String> channels,
    List<String> categories,
    double minScore,
    List<String> sinks) {

  public Route {
    requireNonNull(name, "name");
    languages = lower(languages);
    platforms = lower(platforms);
    channels = lower(channels);
    categories = lower(categories);
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new IllegalArgumentException(
          "Route '" + name + "' minScore must be in [0,1], was " + minScore);
    }
    sinks = List.copyOf(sinks);
    if (sinks.isEmpty()) {
      throw new IllegalArgumentException("Route '" + name + "' must name at least one sink");
    }
  }

  /** Whether {@code alert} meets every condition of this route. */
  public boolean matches(Alert alert) {
    if (alert.verdict().score() < minScore) {
      return false;
    }
    if (!anyOf(languages, alert.verdict().languages())) {
      return false;
    }
    if (!anyOf(platforms, List.of(alert.post().platform()))) {
      return false;
    }
    if (!channels.isEmpty()) {
      boolean seen =
          alert.channels().stream()
              .map(c -> c.toLowerCase(Locale.ROOT))
              .anyMatch(c -> channels.contains(c) || channels.contains(bareChannel(c)));
      if (!seen) {
        return false;
      }
    }
    return anyOf(categories, alert.verdict().categories());
  }

  private static boolean anyOf(List<String> wanted, List<String> actual) {
    return wanted.isEmpty()
        || actual.stream().map(a -> a.toLowerCase(Locale.ROOT)).anyMatch(wanted::contains);
  }

  private static String bareChannel(String platformChannel) {
    int colon = platformChannel.indexOf(':');
    return colon < 0 ? platformChannel : platformChannel.substring(colon + 1);
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }
}

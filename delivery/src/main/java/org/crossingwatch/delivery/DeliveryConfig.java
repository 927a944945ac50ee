package org.crossingwatch.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.crossingwatch.delivery.internal.DeliveryConfigReader;
import org.crossingwatch.delivery.routing.Route;

/**
 * The whole delivery configuration, read from YAML by {@link #load(Path)}; see {@code
 * docs/delivery.md} for the format. Secrets are resolved from the environment or files while
 * loading, so a missing one fails at start-up with the line that names it.
 *
 * @param consoleBaseUrl the console's address, for links {@code <consoleBaseUrl>/alerts/<id>}
 * @param consumerGroup the Kafka consumer group (default {@code crossingwatch-delivery})
 * @param repostThresholds repost counts at which an alert update is delivered again (default {@code
 *     [5, 20, 100]})
 * @param retry how failed sends are retried before they are parked
 * @param timeout how long one send attempt may take (default 10 s)
 * @param sinks the named sinks, at least one, names unique
 * @param routes which alerts go to which sinks; every sink a route names exists
 */
public record DeliveryConfig(
    URI consoleBaseUrl,
    String consumerGroup,
    List<Integer> repostThresholds,
    RetryPolicy retry,
    Duration timeout,
    List<SinkConfig> sinks,
    List<Route> routes) {

  /** The default repost thresholds. */
  public static final List<Integer> DEFAULT_REPOST_THRESHOLDS = List.of(5, 20, 100);

  /** The default time one attempt may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public DeliveryConfig {
    requireNonNull(consoleBaseUrl, "consoleBaseUrl");
    requireNonNull(consumerGroup, "consumerGroup");
    repostThresholds = List.copyOf(repostThresholds);
    requireNonNull(retry, "retry");
    requireNonNull(timeout, "timeout");
    sinks = List.copyOf(sinks);
    routes = List.copyOf(routes);
    Set<String> names = new HashSet<>();
    for (SinkConfig sink : sinks) {
      if (!names.add(sink.name())) {
        throw new IllegalArgumentException("Duplicate sink name '" + sink.name() + "'");
      }
    }
    for (Route route : routes) {
      for (String sink : route.sinks()) {
        if (!names.contains(sink)) {
          throw new IllegalArgumentException(
              "Route '" + route.name() + "' names unknown sink '" + sink + "'");
        }
      }
    }
  }

  /**
   * Reads the configuration file, taking secrets from this process's environment and from files.
   *
   * @throws DeliveryConfigException for every mistake, with file, line and column
   * @throws UncheckedIOException when the file cannot be read
   */
  public static DeliveryConfig load(Path file) {
    return load(file, System::getenv);
  }

  /** As {@link #load(Path)} with {@code env} to look up environment variables. */
  public static DeliveryConfig load(Path file, UnaryOperator<String> env) {
    requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read delivery configuration " + file, e);
    }
    return parse(file.toString(), text, env);
  }

  /**
   * Reads configuration text.
   *
   * @param source the file name used in error locations
   * @param yaml the YAML text
   * @param env looks up environment variables for {@code {env: NAME}} secrets (null when unset)
   * @throws DeliveryConfigException for every mistake, with source, line and column
   */
  public static DeliveryConfig parse(String source, String yaml, UnaryOperator<String> env) {
    return DeliveryConfigReader.read(requireNonNull(source, "source"), yaml, env);
  }

  /** The sink named {@code name}. */
  public Optional<SinkConfig> sink(String name) {
    return sinks.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}

package org.crossingwatch.collectors.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.collectors.web.Selectors;

/**
 * One validated source declaration.
 *
 * @param type {@code telegram}, {@code telegram-export}, {@code mastodon}, {@code feed}, {@code
 *     web} or {@code jsonl}
 * @param name unique among the sources; the source id is {@code <type>:<name>}
 * @param pollInterval how long to wait after a poll that found nothing more
 * @param options the type's other scalar settings, validated, as text
 * @param selectors for {@code web} sources
 */
public record SourceSpec(
    String type,
    String name,
    Duration pollInterval,
    Map<String, String> options,
    Optional<Selectors> selectors) {
  public SourceSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pollInterval, "pollInterval");
    options = Map.copyOf(options);
    Objects.requireNonNull(selectors, "selectors");
  }

  /** {@code <type>:<name>}: the checkpoint key and transactional id suffix. */
  public String sourceId() {
    return type + ":" + name;
  }

  /** An option's value, or {@code fallback}. */
  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }
}

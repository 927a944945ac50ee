package org.crossingwatch.delivery;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.crossingwatch.delivery.limits.QuietHours;
import org.crossingwatch.delivery.limits.RateLimit;

/**
 * One named sink from the configuration: where it sends and how it is throttled.
 *
 * @param name the sink's name, used by routes, metrics ({@code sink} tag) and audit events
 * @param target where and how it sends
 * @param rateLimit the most messages per window; the overflow goes out as one digest
 * @param quietHours when it gets no single alerts; what arrives goes out as one digest at the end
 */
public record SinkConfig(
    String name,
    SinkTarget target,
    Optional<RateLimit> rateLimit,
    Optional<QuietHours> quietHours) {
  public SinkConfig {
    requireNonNull(name, "name");
    requireNonNull(target, "target");
    requireNonNull(rateLimit, "rateLimit");
    requireNonNull(quietHours, "quietHours");
  }

  /** A sink with no rate limit and no quiet hours. */
  public static SinkConfig of(String name, SinkTarget target) {
    return new SinkConfig(name, target, Optional.empty(), Optional.empty());
  }
}

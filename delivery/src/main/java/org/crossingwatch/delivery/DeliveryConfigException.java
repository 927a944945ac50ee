package org.crossingwatch.delivery;

import static java.util.Objects.requireNonNull;

/**
 * A mistake in the delivery configuration. The message starts with {@code file:line:column} of the
 * mistake, followed by what is wrong and the bad value, for example {@code delivery.yaml:7:12:
 * unknown sink 'duty-mail' in route 'med'}. Messages never contain secret values.
 */
public final class DeliveryConfigException extends RuntimeException {
  private final transient ConfigLocation location;

  /** A mistake at {@code location}. */
  public DeliveryConfigException(ConfigLocation location, String problem) {
    super(requireNonNull(location, "location") + ": " + requireNonNull(problem, "problem"));
    this.location = location;
  }

  /** Where the mistake is. */
  public ConfigLocation location() {
    return location;
  }
}

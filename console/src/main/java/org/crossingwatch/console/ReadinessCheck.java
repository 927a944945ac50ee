package org.crossingwatch.console;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One condition a role needs before it can do its work, such as "broker reachable" or "rule set
 * loaded". Checks are called on every {@code /ready} request, so they must be cheap and must not
 * block.
 *
 * @param name short name shown in the {@code /ready} body, for example {@code broker}
 * @param probe true when the condition holds
 */
public record ReadinessCheck(String name, BooleanSupplier probe) {
  public ReadinessCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(probe, "probe");
    if (name.isBlank()) {
      throw new IllegalArgumentException("ReadinessCheck name must not be blank");
    }
  }

  boolean passes() {
    try {
      return probe.getAsBoolean();
    } catch (RuntimeException e) {
      // A check that throws is a check that fails; /ready must always answer.
      return false;
    }
  }
}

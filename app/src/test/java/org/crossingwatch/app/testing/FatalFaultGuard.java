package org.crossingwatch.app.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * Turns Kafka's {@code Exit.halt} and {@code Exit.exit} into exceptions while embedded brokers run
 * in the test JVM, so a fatal broker fault fails the tests instead of killing the Surefire JVM
 * without a report. The exception thrown at the fault is often swallowed by the broker thread that
 * met it, so every fault is also recorded, and {@link #close()} fails with the faults that happened
 * while this guard was open.
 *
 * <p>Kafka's procedures are JVM-wide: guards may overlap (the shared test broker holds one for the
 * whole run while a test class opens its own), and the procedures are restored when the last open
 * guard closes. Production code never installs one; see {@code EmbeddedKafkaBroker}.
 */
public final class FatalFaultGuard implements AutoCloseable {
  private static final Object LOCK = new Object();
  private static final List<String> FAULTS = new ArrayList<>();
  private static int openGuards;

  private final int faultsBefore;
  private boolean closed;

  private FatalFaultGuard(int faultsBefore) {
    this.faultsBefore = faultsBefore;
  }

  /**
   * Replaces Kafka's halt and exit procedures, if no guard has yet, until the last guard closes.
   */
  public static FatalFaultGuard install() {
    synchronized (LOCK) {
      if (openGuards++ == 0) {
        Exit.setHaltProcedure((status, message) -> fault("halt", status, message));
        Exit.setExitProcedure((status, message) -> fault("exit", status, message));
      }
      return new FatalFaultGuard(FAULTS.size());
    }
  }

  /** The halts and exits Kafka asked for while this guard was open, oldest first. */
  public List<String> faults() {
    synchronized (LOCK) {
      return List.copyOf(FAULTS.subList(faultsBefore, FAULTS.size()));
    }
  }

  /**
   * Closes this guard; the last one to close restores Kafka's procedures. A second call does
   * nothing.
   *
   * @throws IllegalStateException if Kafka asked to halt or exit the JVM while this guard was open
   */
  @Override
  public void close() {
    List<String> faults;
    synchronized (LOCK) {
      if (closed) {
        return;
      }
      closed = true;
      if (--openGuards == 0) {
        Exit.resetHaltProcedure();
        Exit.resetExitProcedure();
      }
      faults = faults();
    }
    if (!faults.isEmpty()) {
      throw new IllegalStateException("The embedded Kafka broker met fatal faults: " + faults);
    }
  }

  private static void fault(String kind, int status, String message) {
    String fault = "Kafka asked to " + kind + " the JVM with status " + status + ": " + message;
    synchronized (LOCK) {
      FAULTS.add(fault);
    }
    throw new IllegalStateException(fault);
  }
}

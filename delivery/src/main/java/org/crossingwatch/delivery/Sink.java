package org.crossingwatch.delivery;

/**
 * One place alerts are delivered to, built from a {@link SinkTarget}. A sink sends one message per
 * call and returns only when the receiver accepted it. Each sink is used by one worker thread at a
 * time; implementations need not be thread-safe.
 */
public interface Sink extends AutoCloseable {
  /**
   * Sends {@code notification} and waits until the receiver accepted it.
   *
   * @throws DeliveryException when the receiver did not accept it, saying whether to retry
   */
  void send(Notification notification) throws DeliveryException;

  /** Releases connections; the default holds none. */
  @Override
  default void close() {}
}

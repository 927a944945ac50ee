package org.crossingwatch.delivery;

/**
 * A sink did not accept a message. {@link #retryable()} says whether trying again may help (a
 * timeout, HTTP 5xx or 429, a refused connection) or not (HTTP 400, a rejected recipient). Messages
 * name the sink and the failure, never a secret or a secret URL.
 */
public final class DeliveryException extends Exception {
  private final boolean retryable;

  /** A failure; {@code retryable} says whether another attempt may succeed. */
  public DeliveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /** As {@link #DeliveryException(String, boolean)}, with the underlying cause. */
  public DeliveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether another attempt may succeed. */
  public boolean retryable() {
    return retryable;
  }
}

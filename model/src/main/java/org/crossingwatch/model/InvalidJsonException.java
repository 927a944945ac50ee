package org.crossingwatch.model;

/** A record that cannot be read: bad bytes, bad JSON, or a missing or invalid field. */
public final class InvalidJsonException extends IllegalArgumentException {
  InvalidJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}

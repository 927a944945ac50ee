package org.crossingwatch.stream.deadletter;

import java.util.Objects;

/**
 * What one pipeline step made of a record: either a value for the next step or a {@link DeadLetter}
 * for {@code cw.dlq}. Lets a step report a bad record and the topology branch on it, instead of an
 * exception stopping the stream.
 *
 * @param <T> the value type of a success
 */
public final class Outcome<T> {
  private final T value;
  private final DeadLetter deadLetter;

  private Outcome(T value, DeadLetter deadLetter) {
    this.value = value;
    this.deadLetter = deadLetter;
  }

  /** A success carrying {@code value}. */
  public static <T> Outcome<T> success(T value) {
    return new Outcome<>(Objects.requireNonNull(value, "value must not be null"), null);
  }

  /** A failure carrying {@code deadLetter}. */
  public static <T> Outcome<T> failure(DeadLetter deadLetter) {
    return new Outcome<>(null, Objects.requireNonNull(deadLetter, "deadLetter must not be null"));
  }

  /** Whether the step failed. */
  public boolean failed() {
    return deadLetter != null;
  }

  /**
   * The value of a success.
   *
   * @throws IllegalStateException if the step failed
   */
  public T value() {
    if (failed()) {
      throw new IllegalStateException(
          "No value: the step failed with '" + deadLetter.reason() + "'");
    }
    return value;
  }

  /**
   * The dead letter of a failure.
   *
   * @throws IllegalStateException if the step succeeded
   */
  public DeadLetter deadLetter() {
    if (!failed()) {
      throw new IllegalStateException("No dead letter: the step succeeded with " + value);
    }
    return deadLetter;
  }

  @Override
  public String toString() {
    return failed()
        ? "Outcome.failure(" + deadLetter.reason() + ")"
        : "Outcome.success(" + value + ")";
  }
}

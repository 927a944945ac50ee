package org.crossingwatch.console.view;

import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Decision;

/**
 * Where the console writes what officers do: decisions to {@code cw.feedback}, audit events to
 * {@code cw.audit}. Both calls return once the write is durable, so the console never confirms a
 * decision it might lose. Implementations are thread-safe.
 */
public interface EventSink extends AutoCloseable {
  /**
   * Records a decision.
   *
   * @throws IllegalStateException when it could not be written
   */
  void decision(Decision decision);

  /**
   * Records an audit event.
   *
   * @throws IllegalStateException when it could not be written
   */
  void audit(AuditEvent event);

  @Override
  default void close() {}
}

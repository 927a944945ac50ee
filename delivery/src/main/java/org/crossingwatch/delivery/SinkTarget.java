package org.crossingwatch.delivery;

/**
 * The configured address of one sink (webhook URL and signing key, SMTP server and recipients, chat
 * room), able to open a {@link Sink}. Implementations are immutable values; their {@code
 * toString()} never shows secrets.
 */
public interface SinkTarget {
  /** The sink type as written in the configuration, for example {@code webhook}. */
  String type();

  /** Opens a sink that sends to this target. */
  Sink open(SinkContext context);
}

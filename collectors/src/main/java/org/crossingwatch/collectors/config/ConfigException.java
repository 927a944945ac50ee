package org.crossingwatch.collectors.config;

import java.util.List;

/**
 * An invalid collectors config. The message lists every mistake found, one per line, as {@code
 * <file>:<line>:<column>: <path>: <what is wrong>}.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> errors;

  ConfigException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  /** Each mistake, as in the message. */
  public List<String> errors() {
    return errors;
  }
}

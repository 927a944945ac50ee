package org.crossingwatch.collectors.http;

import java.io.IOException;
import java.util.Objects;

/**
 * A fetch that failed after its retries, or that failed in a way retrying cannot fix right now.
 * Being an {@link IOException}, it makes a {@link org.crossingwatch.collectors.CollectorRunner}
 * back off and poll again later.
 */
public final class FetchException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String kind;

  /**
   * @param kind the failure kind, a metric tag: {@code timeout}, {@code network}, {@code http-429},
   *     {@code http-5xx}, {@code too-large}, {@code closed}
   */
  public FetchException(String kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The failure kind: {@code timeout}, {@code network}, {@code http-429}, {@code http-5xx}... */
  public String kind() {
    return kind;
  }
}

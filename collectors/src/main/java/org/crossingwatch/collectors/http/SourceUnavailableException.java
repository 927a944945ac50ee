package org.crossingwatch.collectors.http;

/**
 * A source that cannot be collected until someone changes something: a Telegram channel without a
 * public preview, a URL robots.txt forbids, a page that answers 404. It is not an {@link
 * java.io.IOException}, so the {@link org.crossingwatch.collectors.CollectorRunner} does not retry
 * it: it stops that source with this message in its log and {@code failure()}, and the other
 * sources go on.
 */
public final class SourceUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SourceUnavailableException(String message) {
    super(message);
  }
}

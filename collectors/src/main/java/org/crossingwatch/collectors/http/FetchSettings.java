package org.crossingwatch.collectors.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How politely an {@link HttpFetcher} fetches. Defaults are in {@link #defaults()}.
 *
 * @param userAgent the {@code User-Agent} header, also the name matched against robots.txt groups
 *     (its product token, before the first {@code /})
 * @param connectTimeout how long a connection may take
 * @param requestTimeout how long a whole response may take (a hanging server fails after this)
 * @param minIntervalPerHost the least time between two request starts to the same host and port
 * @param maxAttempts tries per fetch before it fails with a {@link FetchException}, at least 1
 * @param backoffInitial the first retry wait, doubled after each failure, with jitter
 * @param backoffMax the longest retry wait, also the cap on a server's {@code Retry-After}
 * @param maxBodyBytes the largest response body read; a longer one fails as {@code too-large}
 * @param respectRobotsTxt whether robots.txt rules are fetched and honoured
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration minIntervalPerHost,
    int maxAttempts,
    Duration backoffInitial,
    Duration backoffMax,
    long maxBodyBytes,
    boolean respectRobotsTxt) {

  /** The default User-Agent. */
  public static final String DEFAULT_USER_AGENT =
      "CrossingWatch/0.1 (+https://github.com/crossingwatch; public-post monitor)";

  public FetchSettings {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank: '" + userAgent + "'");
    }
    positive(connectTimeout, "connectTimeout");
    positive(requestTimeout, "requestTimeout");
    Objects.requireNonNull(minIntervalPerHost, "minIntervalPerHost");
    if (minIntervalPerHost.isNegative()) {
      throw new IllegalArgumentException(
          "minIntervalPerHost must not be negative, got " + minIntervalPerHost);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    positive(backoffInitial, "backoffInitial");
    positive(backoffMax, "backoffMax");
    if (backoffMax.compareTo(backoffInitial) < 0) {
      throw new IllegalArgumentException(
          "backoffMax " + backoffMax + " must not be less than backoffInitial " + backoffInitial);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
    }
  }

  /**
   * Defaults: the {@link #DEFAULT_USER_AGENT}, 10 s to connect, 30 s per response, 2 s between
   * requests to one host, 4 attempts, backoff from 2 s to 2 min, 16 MiB bodies, robots.txt
   * honoured.
   */
  public static FetchSettings defaults() {
    return new FetchSettings(
        DEFAULT_USER_AGENT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        4,
        Duration.ofSeconds(2),
        Duration.ofMinutes(2),
        16L << 20,
        true);
  }

  /** The User-Agent's product token, lower case, as matched against robots.txt groups. */
  String robotsName() {
    String token = userAgent.strip().split("[/\\s]", 2)[0];
    return token.toLowerCase(java.util.Locale.ROOT);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}

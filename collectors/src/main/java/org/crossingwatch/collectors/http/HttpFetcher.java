package org.crossingwatch.collectors.http;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.crossingwatch.collectors.evidence.Capture;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.internal.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages politely for every HTTP source of a process, and keeps each successful response as
 * WARC evidence.
 *
 * <ul>
 *   <li>request starts to one host (and port) are spaced by {@link
 *       FetchSettings#minIntervalPerHost()}; other hosts never wait for it;
 *   <li>robots.txt is fetched once a day per origin and honoured for the User-Agent's product
 *       token; a forbidden URL is a {@link SourceUnavailableException};
 *   <li>every request has the configured User-Agent, a connect timeout and a whole-response
 *       timeout;
 *   <li>429, 408, 5xx, timeouts and network errors are retried up to {@link
 *       FetchSettings#maxAttempts()} times after an exponential, jittered backoff, or after the
 *       server's {@code Retry-After} when longer (capped at {@link FetchSettings#backoffMax()}),
 *       then fail with a {@link FetchException};
 *   <li>other 4xx answers are a {@link SourceUnavailableException}; redirects are not followed but
 *       returned, so a source can tell where it was sent.
 * </ul>
 *
 * Each source waits and backs off on its own thread only, so one failing source never slows the
 * others. Thread-safe. {@link #close()} cuts every wait short and makes fetches fail with kind
 * {@code closed}, so collectors stop promptly.
 */
public final class HttpFetcher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
  private static final Duration ROBOTS_TTL = Duration.ofHours(24);
  private static final AtomicInteger CLIENT_THREADS = new AtomicInteger();

  private record CachedRobots(RobotsRules rules, Instant fetchedAt) {}

  private final FetchSettings settings;
  private final WarcEvidenceStore evidence;
  private final Clock clock;
  private final Optional<MeterRegistry> registry;
  private final HttpClient client;
  private final HostRateLimiter limiter;
  private final StopSignal stop = new StopSignal();
  private final Map<String, SourceHealth> health = new ConcurrentHashMap<>();
  private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();

  private HttpFetcher(
      FetchSettings settings,
      WarcEvidenceStore evidence,
      Clock clock,
      Optional<MeterRegistry> registry) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.limiter = new HostRateLimiter(settings.minIntervalPerHost());
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(
                Executors.newCachedThreadPool(
                    r -> {
                      Thread t = new Thread(r, "http-fetcher-" + CLIENT_THREADS.incrementAndGet());
                      t.setDaemon(true);
                      return t;
                    }))
            .build();
  }

  /**
   * A fetcher.
   *
   * @param evidence where successful responses are kept
   * @param clock stamps captures ({@code collectedAt}) and the WARC records
   * @param registry where each source's {@link SourceHealth} meters go, if anywhere
   */
  public static HttpFetcher create(
      FetchSettings settings,
      WarcEvidenceStore evidence,
      Clock clock,
      Optional<MeterRegistry> registry) {
    return new HttpFetcher(settings, evidence, clock, registry);
  }

  /** The settings in force. */
  public FetchSettings settings() {
    return settings;
  }

  /** The evidence store responses go to. */
  public WarcEvidenceStore evidence() {
    return evidence;
  }

  /** The fetch statistics of {@code sourceId} (created empty on first use). */
  public SourceHealth health(String sourceId) {
    Objects.requireNonNull(sourceId, "sourceId");
    return health.computeIfAbsent(sourceId, id -> new SourceHealth(id, registry, clock));
  }

  /**
   * Fetches {@code uri} for {@code sourceId}, retrying as described above.
   *
   * @param accept the {@code Accept} header
   * @return the 2xx response (kept as evidence) or a 3xx one (not followed, not kept)
   * @throws FetchException when every attempt failed, the body was too large, or the fetcher closed
   * @throws SourceUnavailableException when robots.txt forbids the URL or the server answered a 4xx
   *     other than 408 and 429
   */
  public FetchedPage fetch(String sourceId, URI uri, String accept) throws IOException {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(accept, "accept");
    SourceHealth stats = health(sourceId);
    Backoff backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
    for (int attempt = 1; ; attempt++) {
      Duration retryAfter = Duration.ZERO;
      FetchException failure;
      try {
        if (settings.respectRobotsTxt()) {
          checkRobots(stats, uri);
        }
        FetchedPage page = attempt(stats, uri, accept);
        stats.succeeded();
        return page;
      } catch (Retryable e) {
        failure = e.failure;
        retryAfter = e.retryAfter;
      }
      stats.failed(failure.kind());
      if (failure.kind().equals("too-large") || failure.kind().equals("closed")) {
        throw failure;
      }
      if (attempt >= settings.maxAttempts()) {
        stats.backingOff(settings.backoffMax());
        throw new FetchException(
            failure.kind(),
            failure.getMessage() + " (gave up after " + attempt + " attempts)",
            failure.getCause());
      }
      Duration wait = backoff.next();
      if (retryAfter.compareTo(wait) > 0) {
        wait = retryAfter.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : retryAfter;
      }
      stats.backingOff(wait);
      LOG.info(
          "Source {}: {}; attempt {} of {} in {} ms",
          sourceId,
          failure.getMessage(),
          attempt + 1,
          settings.maxAttempts(),
          wait.toMillis());
      if (!stop.sleep(wait)) {
        throw closed(uri);
      }
    }
  }

  /** A failure worth retrying, with the server's requested wait. */
  private static final class Retryable extends Exception {
    private static final long serialVersionUID = 1L;
    final transient FetchException failure;
    final transient Duration retryAfter;

    Retryable(FetchException failure, Duration retryAfter) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
      this.retryAfter = retryAfter;
    }
  }

  private FetchedPage attempt(SourceHealth stats, URI uri, String accept) throws Retryable {
    Map<String, List<String>> requestHeaders =
        Map.of("User-Agent", List.of(settings.userAgent()), "Accept", List.of(accept));
    HttpResponse<byte[]> response = send(stats, uri, requestHeaders);
    int status = response.statusCode();
    String where = "GET " + uri + " answered " + status;
    if (status == 429 || status == 408 || status >= 500) {
      String kind = status == 429 ? "http-429" : status == 408 ? "timeout" : "http-5xx";
      throw new Retryable(
          new FetchException(kind, where, null), retryAfter(response).orElse(Duration.ZERO));
    }
    if (status >= 400) {
      stats.failed("http-4xx");
      throw new SourceUnavailableException(where);
    }
    Instant fetchedAt = clock.instant();
    byte[] body = response.body();
    String sha = WarcEvidenceStore.sha256Hex(body);
    Optional<java.nio.file.Path> warc = Optional.empty();
    if (status < 300) {
      try {
        warc =
            Optional.of(
                evidence.store(
                    new Capture(
                        uri, requestHeaders, status, response.headers().map(), body, fetchedAt)));
      } catch (IOException e) {
        // Without its evidence a capture must not become posts: fail this attempt.
        throw new Retryable(
            new FetchException("evidence", "Could not keep " + uri + " as evidence: " + e, e),
            Duration.ZERO);
      }
    }
    return new FetchedPage(uri, status, response.headers().map(), body, fetchedAt, sha, warc);
  }

  private HttpResponse<byte[]> send(
      SourceHealth stats, URI uri, Map<String, List<String>> requestHeaders) throws Retryable {
    if (stop.stopped()) {
      throw new Retryable(closed(uri), Duration.ZERO);
    }
    Duration slot = limiter.reserve(hostOf(uri), System.nanoTime());
    if (!stop.sleep(slot)) {
      throw new Retryable(closed(uri), Duration.ZERO);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout());
    requestHeaders.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    stats.fetched();
    Future<HttpResponse<byte[]>> future =
        client.sendAsync(request.build(), LimitedBody.handler(settings.maxBodyBytes()));
    try {
      // The request timeout covers the headers only; this covers a body that never ends too.
      return future.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut(uri, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new Retryable(closed(uri), Duration.ZERO);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LimitedBody.TooLarge
          || (cause != null && cause.getCause() instanceof LimitedBody.TooLarge)) {
        throw new Retryable(
            new FetchException(
                "too-large",
                "GET " + uri + " returned a body longer than " + settings.maxBodyBytes() + " bytes",
                cause),
            Duration.ZERO);
      }
      if (cause instanceof HttpTimeoutException) {
        // The client's own header timer and ours above run for the same time; whichever fires
        // first, the source's log and metrics say the same thing.
        throw timedOut(uri, cause);
      }
      throw new Retryable(
          new FetchException("network", "GET " + uri + " failed: " + cause, cause), Duration.ZERO);
    }
  }

  private Retryable timedOut(URI uri, Throwable cause) {
    return new Retryable(
        new FetchException(
            "timeout",
            "GET " + uri + " did not complete within " + settings.requestTimeout(),
            cause),
        Duration.ZERO);
  }

  private void checkRobots(SourceHealth stats, URI uri) throws Retryable {
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    CachedRobots cached = robots.get(origin);
    if (cached == null
        || Duration.between(cached.fetchedAt(), clock.instant()).compareTo(ROBOTS_TTL) > 0) {
      cached =
          new CachedRobots(loadRobots(stats, URI.create(origin + "/robots.txt")), clock.instant());
      robots.put(origin, cached);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    if (!cached.rules().allows(path)) {
      stats.failed("robots");
      throw new SourceUnavailableException(
          "robots.txt of "
              + origin
              + " does not allow '"
              + settings.robotsName()
              + "' to fetch "
              + path);
    }
  }

  private RobotsRules loadRobots(SourceHealth stats, URI robotsUri) throws Retryable {
    HttpResponse<byte[]> response =
        send(stats, robotsUri, Map.of("User-Agent", List.of(settings.userAgent())));
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return RobotsRules.parse(
          new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
          settings.robotsName());
    }
    if (status == 429 || status >= 500) {
      // RFC 9309: an unreachable robots.txt means "assume everything is disallowed" for now.
      throw new Retryable(
          new FetchException(
              status == 429 ? "http-429" : "http-5xx",
              "GET " + robotsUri + " answered " + status,
              null),
          retryAfter(response).orElse(Duration.ZERO));
    }
    return RobotsRules.ALLOW_ALL;
  }

  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> value = response.headers().firstValue("retry-after");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, Instant::from);
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static String hostOf(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static FetchException closed(URI uri) {
    return new FetchException("closed", "Fetcher closed before GET " + uri + " completed", null);
  }

  /** Cuts every wait short; later fetches fail with kind {@code closed}. Idempotent. */
  @Override
  public void close() {
    stop.stop();
  }
}

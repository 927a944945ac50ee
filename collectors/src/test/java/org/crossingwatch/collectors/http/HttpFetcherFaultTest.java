package org.crossingwatch.collectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossingwatch.collectors.testing.FixtureServer.Response.html;
import static org.crossingwatch.collectors.testing.FixtureServer.resource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.telegram.TelegramPreviewSource;
import org.crossingwatch.collectors.testing.Fetchers;
import org.crossingwatch.collectors.testing.FixtureServer;
import org.crossingwatch.collectors.testing.FixtureServer.Response;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpFetcherFaultTest {
  private static final String PAGE = resource("fixtures/telegram/rahlat_europa_later.html");

  @TempDir Path evidence;
  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private FetchSettings settings(Duration backoffMax) {
    FetchSettings q = Fetchers.quickSettings();
    return new FetchSettings(
        q.userAgent(),
        q.connectTimeout(),
        q.requestTimeout(),
        Duration.ZERO,
        3,
        Duration.ofMillis(20),
        backoffMax,
        q.maxBodyBytes(),
        true);
  }

  @Test
  void a429WithRetryAfterIsRetriedNoSoonerThanTheServerAsked() throws Exception {
    server.route("/s/x", Response.status(429, Map.of("Retry-After", "1")), html(PAGE));
    try (HttpFetcher fetcher = Fetchers.create(settings(Duration.ofSeconds(5)), evidence)) {
      long start = System.nanoTime();
      FetchedPage page = fetcher.fetch("telegram:x", server.uri("/s/x"), "text/html");

      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(page.status()).isEqualTo(200);
      assertThat(server.requests()).containsExactly("/robots.txt", "/s/x", "/s/x");
      assertThat(fetcher.health("telegram:x").failuresInARow()).isZero();
    }
  }

  @Test
  void serverErrorsAreRetriedWithBackoffAndCountedByKind() throws Exception {
    server.route(
        "/s/x", Response.status(500, Map.of()), Response.status(503, Map.of()), html(PAGE));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (HttpFetcher fetcher =
        HttpFetcher.create(
            settings(Duration.ofMillis(100)),
            WarcEvidenceStore.at(evidence),
            Fetchers.CLOCK,
            Optional.of(registry))) {
      FetchedPage page = fetcher.fetch("telegram:x", server.uri("/s/x"), "text/html");

      assertThat(page.status()).isEqualTo(200);
      assertThat(registry.get(SourceHealth.FAILURES).tag("kind", "http-5xx").counter().count())
          .isEqualTo(2.0);
      assertThat(registry.get(SourceHealth.FETCHES).counter().count()).isEqualTo(4.0);
      assertThat(registry.get(SourceHealth.BACKOFF).gauge().value()).isZero();
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutAndFailsAfterTheLastAttempt() throws Exception {
    server.route("/s/x", Response.hanging());
    FetchSettings q = Fetchers.quickSettings(Duration.ofMillis(300));
    try (HttpFetcher fetcher = Fetchers.create(q, evidence)) {
      assertThatThrownBy(() -> fetcher.fetch("telegram:x", server.uri("/s/x"), "text/html"))
          .isInstanceOfSatisfying(
              FetchException.class, e -> assertThat(e.kind()).isEqualTo("timeout"))
          .hasMessage(
              "GET "
                  + server.uri("/s/x")
                  + " did not complete within PT0.3S (gave up after 3 attempts)");
      assertThat(fetcher.health("telegram:x").failuresInARow()).isEqualTo(3);
    }
  }

  @Test
  void aTenMegabytePageIsReadWholeAndParsed() throws Exception {
    String padding = "<!-- " + "x".repeat(10 << 20) + " -->";
    String big = PAGE.replace("</section>", padding + "</section>");
    server.route("/s/rahlat_europa", html(big));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      Batch batch =
          new TelegramPreviewSource("telegram:r", server.baseUri(), "rahlat_europa", 1, 5, fetcher)
              .poll(Optional.of("after=106"), 100);

      assertThat(batch.posts()).extracting(Post::externalId).containsExactly("107", "108");
    }
  }

  @Test
  void aBodyOverTheLimitFailsAsTooLargeWithoutRetrying() throws Exception {
    server.route("/big", html("y".repeat(2 << 20)));
    FetchSettings q = Fetchers.quickSettings();
    FetchSettings small =
        new FetchSettings(
            q.userAgent(),
            q.connectTimeout(),
            q.requestTimeout(),
            Duration.ZERO,
            3,
            q.backoffInitial(),
            q.backoffMax(),
            1 << 20,
            true);
    try (HttpFetcher fetcher = Fetchers.create(small, evidence)) {
      assertThatThrownBy(() -> fetcher.fetch("web:x", server.uri("/big"), "text/html"))
          .isInstanceOfSatisfying(
              FetchException.class, e -> assertThat(e.kind()).isEqualTo("too-large"))
          .hasMessage("GET " + server.uri("/big") + " returned a body longer than 1048576 bytes");
      assertThat(server.requests()).containsExactly("/robots.txt", "/big");
    }
  }

  @Test
  void robotsTxtForbiddingThePathStopsTheSourceWithAClearMessage() throws Exception {
    server.route(
        "/robots.txt",
        Response.ok(
            "text/plain",
            "User-agent: *\nDisallow: /private\n\nUser-agent: CrossingWatchTest\nDisallow: /s/\nAllow: /s/open\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    server.route("/s/open", html(PAGE));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      assertThatThrownBy(() -> fetcher.fetch("web:x", server.uri("/s/closed"), "text/html"))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessage(
              "robots.txt of "
                  + server.baseUri()
                  + " does not allow 'crossingwatchtest' to fetch /s/closed");
      assertThat(fetcher.fetch("web:x", server.uri("/s/open"), "text/html").status())
          .isEqualTo(200);
      assertThat(server.requests()).containsExactly("/robots.txt", "/s/open");
    }
  }

  @Test
  void a404IsNotRetried() throws Exception {
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      assertThatThrownBy(() -> fetcher.fetch("web:x", server.uri("/gone"), "text/html"))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessage("GET " + server.uri("/gone") + " answered 404");
      assertThat(server.requests()).isEqualTo(List.of("/robots.txt", "/gone"));
    }
  }
}

package org.crossingwatch.collectors.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.http.FetchSettings;
import org.crossingwatch.collectors.http.HttpFetcher;

/** Fetchers for tests: no wait between requests, short backoffs and timeouts, a fixed clock. */
public final class Fetchers {
  public static final Instant NOW = Instant.parse("2026-03-09T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Fetchers() {}

  public static FetchSettings quickSettings() {
    return quickSettings(Duration.ofSeconds(10));
  }

  /** Quick settings with this whole-response timeout. */
  public static FetchSettings quickSettings(Duration requestTimeout) {
    return new FetchSettings(
        "CrossingWatchTest/1.0 (+https://example.org/test)",
        Duration.ofSeconds(2),
        requestTimeout,
        Duration.ZERO,
        3,
        Duration.ofMillis(20),
        Duration.ofMillis(200),
        16L << 20,
        true);
  }

  public static HttpFetcher quick(Path evidenceDir) {
    return create(quickSettings(), evidenceDir);
  }

  public static HttpFetcher create(FetchSettings settings, Path evidenceDir) {
    return HttpFetcher.create(settings, WarcEvidenceStore.at(evidenceDir), CLOCK, Optional.empty());
  }
}

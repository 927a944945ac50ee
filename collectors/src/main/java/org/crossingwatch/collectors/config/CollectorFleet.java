package org.crossingwatch.collectors.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crossingwatch.collectors.CollectorRunner;
import org.crossingwatch.collectors.Source;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.feed.FeedSource;
import org.crossingwatch.collectors.http.HttpFetcher;
import org.crossingwatch.collectors.jsonl.JsonlSource;
import org.crossingwatch.collectors.mastodon.MastodonSource;
import org.crossingwatch.collectors.telegram.TelegramExportSource;
import org.crossingwatch.collectors.telegram.TelegramPreviewSource;
import org.crossingwatch.collectors.web.SelectorPageSource;

/**
 * Every source of a {@link CollectorConfig}, each published by its own {@link CollectorRunner} (its
 * own thread, producer and backoff, so one failing source never slows the others), polling again
 * every {@code pollInterval} once it has nothing new. The web sources share one polite {@link
 * HttpFetcher}. {@link #close()} stops them all.
 */
public final class CollectorFleet implements Closeable {
  private final HttpFetcher fetcher;
  private final List<CollectorRunner> runners;

  private CollectorFleet(HttpFetcher fetcher, List<CollectorRunner> runners) {
    this.fetcher = fetcher;
    this.runners = List.copyOf(runners);
  }

  /**
   * Starts a runner per source publishing to the cluster at {@code bootstrapServers}.
   *
   * @param registry where collector and fetch meters go, if anywhere
   */
  public static CollectorFleet start(
      CollectorConfig config,
      String bootstrapServers,
      Optional<MeterRegistry> registry,
      Clock clock) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    return start(
        config, registry, clock, source -> CollectorRunner.builder(source).kafka(bootstrapServers));
  }

  /**
   * Starts a runner per source, each from the builder {@code runners} gives (with its producer and
   * checkpoint store set); batch size, poll interval and meters are set here.
   */
  public static CollectorFleet start(
      CollectorConfig config,
      Optional<MeterRegistry> registry,
      Clock clock,
      Function<Source, CollectorRunner.Builder> runners) {
    HttpFetcher fetcher =
        HttpFetcher.create(
            config.fetch(), WarcEvidenceStore.at(config.evidenceDir()), clock, registry);
    List<CollectorRunner> started = new ArrayList<>();
    for (SourceSpec spec : config.sources()) {
      CollectorRunner.Builder builder =
          runners
              .apply(createSource(spec, fetcher, clock))
              .batchSize(config.batchSize())
              .followEvery(spec.pollInterval())
              .clock(clock);
      registry.ifPresent(builder::meterRegistry);
      CollectorRunner runner = builder.build();
      runner.start();
      started.add(runner);
    }
    return new CollectorFleet(fetcher, started);
  }

  /** The source a declaration describes, fetching through {@code fetcher}. */
  public static Source createSource(SourceSpec spec, HttpFetcher fetcher, Clock clock) {
    String id = spec.sourceId();
    int backfill = Integer.parseInt(spec.option("backfillPages", "1"));
    int maxPagesPerPoll = Integer.parseInt(spec.option("maxPagesPerPoll", "20"));
    try {
      return switch (spec.type()) {
        case "telegram" ->
            new TelegramPreviewSource(
                id,
                URI.create(spec.option("baseUrl", "https://t.me")),
                spec.options().get("channel"),
                backfill,
                maxPagesPerPoll,
                fetcher);
        case "telegram-export" ->
            new TelegramExportSource(Path.of(spec.options().get("path")), id, clock);
        case "mastodon" ->
            new MastodonSource(
                id,
                URI.create(spec.options().get("instance")),
                spec.options().get("timeline"),
                backfill,
                maxPagesPerPoll,
                fetcher);
        case "feed" ->
            new FeedSource(id, spec.name(), URI.create(spec.options().get("url")), fetcher);
        case "web" ->
            new SelectorPageSource(
                id,
                spec.name(),
                URI.create(spec.options().get("url")),
                spec.selectors().orElseThrow(),
                Integer.parseInt(spec.option("maxPages", "5")),
                fetcher);
        case "jsonl" -> JsonlSource.of(Path.of(spec.options().get("path")), id, clock);
        default -> throw new IllegalArgumentException("Unknown source type '" + spec.type() + "'");
      };
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open source " + id + ": " + e.getMessage(), e);
    }
  }

  /** The runners, in config order. */
  public List<CollectorRunner> runners() {
    return runners;
  }

  /**
   * The shared fetcher, for its per-source {@link org.crossingwatch.collectors.http.SourceHealth}.
   */
  public HttpFetcher fetcher() {
    return fetcher;
  }

  /** Stops every runner: waits are cut short first, then each finishes its transaction. */
  @Override
  public void close() {
    fetcher.close();
    runners.forEach(CollectorRunner::close);
  }
}

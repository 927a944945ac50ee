package org.crossingwatch.collectors.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.collectors.testing.FixtureServer.resourceBytes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.http.HttpFetcher;
import org.crossingwatch.collectors.testing.Fetchers;
import org.crossingwatch.collectors.testing.FixtureServer;
import org.crossingwatch.collectors.testing.FixtureServer.Response;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSourceTest {
  @TempDir Path evidence;
  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void anRss2FeedGivesItsItemsOldestFirstWithTheirFieldsAndOnlyOnce() throws Exception {
    byte[] rss = resourceBytes("fixtures/feed/rss.xml");
    server.route("/annonces/rss", Response.ok("application/rss+xml; charset=utf-8", rss));
    String sha = WarcEvidenceStore.sha256Hex(rss);
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      FeedSource source =
          new FeedSource("feed:annonces", "annonces", server.uri("/annonces/rss"), fetcher);
      Batch first = source.poll(Optional.empty(), 100);
      Batch again = source.poll(Optional.of(first.checkpoint()), 100);

      assertThat(first.posts())
          .containsExactly(
              new Post(
                  0,
                  null,
                  "feed",
                  "annonces",
                  "annonce-501",
                  Optional.of("https://forum.example/annonces/501"),
                  Optional.of("docs_rapides"),
                  "Papiers pour l'Europe\n\nPasseport et visa en 7 jours.",
                  Optional.of("fr"),
                  Optional.of(Instant.parse("2026-03-04T09:00:00Z")),
                  Fetchers.NOW,
                  List.of(
                      "https://forum.example/annonces/501", "https://forum.example/img/501.jpg"),
                  Optional.empty(),
                  sha),
              new Post(
                  0,
                  null,
                  "feed",
                  "annonces",
                  "annonce-502",
                  Optional.of("https://forum.example/annonces/502"),
                  Optional.of("voyageur59"),
                  "Passage Calais–Douvres en camion\n\nDépart chaque nuit, paiement à l'arrivée.\n"
                      + "WhatsApp +33 6 00 00 55 44",
                  Optional.of("fr"),
                  Optional.of(Instant.parse("2026-03-05T18:00:00Z")),
                  Fetchers.NOW,
                  List.of("https://forum.example/annonces/502"),
                  Optional.empty(),
                  sha));
      assertThat(again.posts()).isEmpty();
      assertThat(again.checkpoint()).isEqualTo(first.checkpoint());
    }
  }

  @Test
  void anAtomFeedGivesItsEntriesWithIdsLanguageAndDates() throws Exception {
    server.route(
        "/atom", Response.ok("application/atom+xml", resourceBytes("fixtures/feed/atom.xml")));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      Batch batch =
          new FeedSource("feed:agahi", "agahi", server.uri("/atom"), fetcher)
              .poll(Optional.empty(), 100);

      assertThat(batch.posts())
          .extracting(Post::key, Post::author, Post::text, Post::publishedAt)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "feed:agahi:urn:agahi:7001",
                  Optional.of("khabar"),
                  "خبر: غرق شدن قایق\n\nگزارش سازمان بین‌المللی مهاجرت",
                  Optional.of(Instant.parse("2026-03-05T08:00:00Z"))),
              org.assertj.core.groups.Tuple.tuple(
                  "feed:agahi:urn:agahi:7002",
                  Optional.of("rahnama"),
                  "عبور از مرز ترکیه\n\nبا قایق به یونان، تماس +90 555 000 0202",
                  Optional.of(Instant.parse("2026-03-06T11:00:00Z"))));
    }
  }
}

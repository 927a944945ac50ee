package org.crossingwatch.collectors.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.collectors.testing.FixtureServer.Response.html;
import static org.crossingwatch.collectors.testing.FixtureServer.resource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.http.HttpFetcher;
import org.crossingwatch.collectors.testing.Fetchers;
import org.crossingwatch.collectors.testing.FixtureServer;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectorPageSourceTest {
  private static final Selectors SELECTORS =
      new Selectors(
          "article.ad",
          Optional.of(".ad-body"),
          Optional.of(".ad-user"),
          Optional.of("time.ad-date"),
          Optional.of("h2.ad-title a"),
          Optional.of("a.pager-next"));

  @TempDir Path evidence;
  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void readsBothListingPagesAndReturnsTheAdsOldestFirstWithTheirFields() throws Exception {
    String page1 = resource("fixtures/web/annonces_page1.html");
    String page2 = resource("fixtures/web/annonces_page2.html");
    server.route("/annonces", html(page1)).route("/annonces?page=2", html(page2));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      SelectorPageSource source =
          new SelectorPageSource(
              "web:annonces", "annonces", server.uri("/annonces"), SELECTORS, 5, fetcher);
      Batch first = source.poll(Optional.empty(), 100);
      Batch again = source.poll(Optional.of(first.checkpoint()), 100);

      assertThat(first.posts())
          .containsExactly(
              ad(
                  301,
                  "Départ de Calais, discret, garanti.",
                  "ferry_cargo",
                  "2026-03-04T09:00:00Z",
                  page2),
              ad(302, "Vélo de ville, bon état, 80 €.", "marc_l", "2026-03-05T10:00:00Z", page2),
              ad(
                  303,
                  "Places disponibles samedi. Paiement à l'arrivée.",
                  "sfax_trips",
                  "2026-03-06T15:30:00Z",
                  page1),
              ad(
                  304,
                  "Passage de la frontière en voiture, 300 €.\nTel +33 7 00 00 11 22",
                  "taxi_riviera",
                  "2026-03-07T20:00:00Z",
                  page1));
      assertThat(again.posts()).isEmpty();
      assertThat(server.requests())
          .containsExactly("/robots.txt", "/annonces", "/annonces?page=2", "/annonces");
    }
  }

  private Post ad(int id, String text, String author, String time, String page) {
    String link = server.baseUri() + "/ads/" + id;
    return new Post(
        0,
        null,
        "web",
        "annonces",
        link,
        Optional.of(link),
        Optional.of(author),
        text,
        Optional.empty(),
        Optional.of(Instant.parse(time)),
        Fetchers.NOW,
        List.of(link),
        Optional.empty(),
        WarcEvidenceStore.sha256Hex(page.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}

package org.crossingwatch.collectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.collectors.testing.FixtureServer.resourceBytes;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

class MastodonSourceTest {
  @TempDir Path evidence;
  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static Response json(String resource, String link) {
    return new Response(
        200,
        link == null
            ? Map.of("Content-Type", "application/json; charset=utf-8")
            : Map.of("Content-Type", "application/json; charset=utf-8", "Link", link),
        resourceBytes("fixtures/mastodon/" + resource),
        false);
  }

  @Test
  void followsTheLinkHeaderToOlderPagesAndReturnsStatusesOldestFirstWithTheirFields()
      throws Exception {
    String older =
        server.baseUri() + "/api/v1/timelines/tag/passage?limit=40&max_id=113500000000000002";
    server
        .route(
            "/api/v1/timelines/tag/passage?limit=40",
            json(
                "tag_page1.json",
                "<"
                    + older
                    + ">; rel=\"next\", <"
                    + server.baseUri()
                    + "/api/v1/timelines/tag/passage?limit=40&min_id=113500000000000003>; rel=\"prev\""))
        .route(
            "/api/v1/timelines/tag/passage?limit=40&max_id=113500000000000002",
            json("tag_page2.json", null));
    String page1 = WarcEvidenceStore.sha256Hex(resourceBytes("fixtures/mastodon/tag_page1.json"));
    String page2 = WarcEvidenceStore.sha256Hex(resourceBytes("fixtures/mastodon/tag_page2.json"));

    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      MastodonSource source =
          new MastodonSource("mastodon:passage", server.baseUri(), "tag:passage", 3, 10, fetcher);
      Batch batch = source.poll(Optional.empty(), 100);

      String host = "127.0.0.1";
      assertThat(batch.posts())
          .containsExactly(
              new Post(
                  0,
                  null,
                  "mastodon",
                  host,
                  "113500000000000001",
                  Optional.of("https://social.example/@ngo_watch/113500000000000001"),
                  Optional.of("ngo_watch"),
                  "Migration\n\nReport on Channel crossings this week: ngo.example/report",
                  Optional.of("en"),
                  Optional.of(Instant.parse("2026-03-03T07:15:00Z")),
                  Fetchers.NOW,
                  List.of("https://ngo.example/report"),
                  Optional.empty(),
                  page2),
              new Post(
                  0,
                  null,
                  "mastodon",
                  host,
                  "113500000000000002",
                  Optional.of("https://other.example/@safar/113499999999999000"),
                  Optional.of("relay"),
                  "رحلة من طرابلس إلى مالطا\nالدفع عند الوصول https://t.me/safar_malta",
                  Optional.of("ar"),
                  Optional.of(Instant.parse("2026-03-04T09:30:00Z")),
                  Fetchers.NOW,
                  List.of("https://t.me/safar_malta"),
                  Optional.of("safar@other.example"),
                  page1),
              new Post(
                  0,
                  null,
                  "mastodon",
                  host,
                  "113500000000000003",
                  Optional.of("https://social.example/@passeur_nord/113500000000000003"),
                  Optional.of("passeur_nord"),
                  "Passage vers l'Angleterre depuis Dunkerque, places disponibles.\n\n"
                      + "Contact : +33 6 00 00 98 76 #passage",
                  Optional.of("fr"),
                  Optional.of(Instant.parse("2026-03-05T10:00:00Z")),
                  Fetchers.NOW,
                  List.of("https://files.social.example/media/camion.jpg"),
                  Optional.empty(),
                  page1));
      assertThat(batch.checkpoint()).isEqualTo("since=113500000000000003");
    }
  }

  @Test
  void laterPollsAskOnlyForStatusesSinceTheLastOne() throws Exception {
    server.route(
        "/api/v1/timelines/tag/passage?limit=40&since_id=113500000000000003",
        new Response(200, Map.of("Content-Type", "application/json"), "[]".getBytes(), false));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      MastodonSource source =
          new MastodonSource("mastodon:passage", server.baseUri(), "tag:passage", 3, 10, fetcher);

      assertThat(source.poll(Optional.of("since=113500000000000003"), 100))
          .isEqualTo(new Batch(List.of(), List.of(), "since=113500000000000003", true));
      assertThat(server.requests())
          .containsExactly(
              "/robots.txt", "/api/v1/timelines/tag/passage?limit=40&since_id=113500000000000003");
    }
  }

  @Test
  void readsTheNextLinkAmongOthers() {
    assertThat(
            MastodonSource.nextLink(
                "<https://m.example/api/v1/timelines/public?max_id=9>; rel=\"next\","
                    + " <https://m.example/api/v1/timelines/public?min_id=12>; rel=\"prev\""))
        .contains(URI.create("https://m.example/api/v1/timelines/public?max_id=9"));
  }
}

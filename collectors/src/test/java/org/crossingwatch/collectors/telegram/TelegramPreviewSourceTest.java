package org.crossingwatch.collectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossingwatch.collectors.testing.FixtureServer.Response.html;
import static org.crossingwatch.collectors.testing.FixtureServer.resource;
import static org.crossingwatch.collectors.testing.FixtureServer.resourceBytes;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.http.HttpFetcher;
import org.crossingwatch.collectors.http.SourceUnavailableException;
import org.crossingwatch.collectors.testing.Fetchers;
import org.crossingwatch.collectors.testing.FixtureServer;
import org.crossingwatch.collectors.testing.FixtureServer.Response;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

class TelegramPreviewSourceTest {
  private static final String DIR = "fixtures/telegram/";
  private static final String NEWEST = "rahlat_europa.html";
  private static final String OLDER = "rahlat_europa_before_104.html";
  private static final String OLDEST = "rahlat_europa_before_101.html";
  private static final String LATER = "rahlat_europa_later.html";

  @TempDir Path evidence;
  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private TelegramPreviewSource source(HttpFetcher fetcher, int backfillPages) {
    return new TelegramPreviewSource(
        "telegram:rahlat_europa", server.baseUri(), "rahlat_europa", backfillPages, 10, fetcher);
  }

  private void serveThreePages() {
    server
        .route("/s/rahlat_europa", html(resource(DIR + NEWEST)))
        .route("/s/rahlat_europa?before=104", html(resource(DIR + OLDER)))
        .route("/s/rahlat_europa?before=101", html(resource(DIR + OLDEST)));
  }

  private static String sha(String page) {
    return WarcEvidenceStore.sha256Hex(resourceBytes(DIR + page));
  }

  private static Post post(
      long id,
      String author,
      String text,
      String publishedAt,
      List<String> links,
      Optional<String> forwardedFrom,
      String page) {
    return new Post(
        0,
        null,
        "telegram",
        "rahlat_europa",
        Long.toString(id),
        Optional.of("https://t.me/rahlat_europa/" + id),
        Optional.of(author),
        text,
        Optional.empty(),
        Optional.of(Instant.parse(publishedAt)),
        Fetchers.NOW,
        links,
        forwardedFrom,
        sha(page));
  }

  private static final String CHANNEL_NAME = "رحلات أوروبا";

  private static List<Post> allSevenPosts() {
    return List.of(
        post(
            100,
            CHANNEL_NAME,
            "قناة رحلات أوروبا\nللاستفسار: @rahlat_admin",
            "2026-03-01T08:00:00Z",
            List.of("https://t.me/rahlat_admin"),
            Optional.empty(),
            OLDEST),
        post(
            101,
            CHANNEL_NAME,
            "رحلة من زوارة إلى لامبيدوزا 🚤\nالسعر 3500 يورو، الدفع عند الوصول\nواتساب +218 91 000 1234",
            "2026-03-02T09:15:00Z",
            List.of("https://cdn4.telesco.pe/file/zuwara_boat.jpg"),
            Optional.empty(),
            OLDER),
        post(
            102,
            CHANNEL_NAME,
            "انتقال از ترکیه به یونان با قایق\nتماس: +90 555 000 0101",
            "2026-03-03T18:30:00Z",
            List.of(),
            Optional.of("safar_yunan"),
            OLDER),
        post(
            103,
            CHANNEL_NAME,
            "Passage garanti vers l'Angleterre, départ Calais chaque semaine.\n\n"
                + "Contact +33 6 00 00 12 34",
            "2026-03-04T21:05:00Z",
            List.of("https://cdn4.telesco.pe/file/boat_departure.mp4"),
            Optional.empty(),
            OLDER),
        post(
            104,
            CHANNEL_NAME,
            "Naufrage au large de la Libye : infomigrants.net",
            "2026-03-05T07:45:00Z",
            List.of("https://www.infomigrants.net/fr/post/54321/naufrage-au-large-de-la-libye"),
            Optional.of("Info Migrants Relay"),
            NEWEST),
        post(
            105,
            "Kak Aram",
            "ڕێگای ئەوروپا بە لۆری، پارە دوای گەیشتن\nپەیوەندی: +964 750 000 4321",
            "2026-03-06T12:00:00Z",
            List.of("https://t.me/rahlat_europa/105"),
            Optional.empty(),
            NEWEST),
        post(
            106,
            CHANNEL_NAME,
            "",
            "2026-03-07T16:20:00Z",
            List.of(
                "https://cdn4.telesco.pe/file/truck_photo_1.jpg",
                "https://cdn4.telesco.pe/file/truck_photo_2.jpg"),
            Optional.empty(),
            NEWEST));
  }

  @Test
  void firstPollBackfillsOlderPagesAndReturnsEveryPostOldestFirstWithItsFields() throws Exception {
    serveThreePages();
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      Batch batch = source(fetcher, 5).poll(Optional.empty(), 100);

      assertThat(batch.posts()).containsExactlyElementsOf(allSevenPosts());
      assertThat(batch.problems()).isEmpty();
      assertThat(batch.checkpoint()).isEqualTo("after=106");
      assertThat(batch.exhausted()).isTrue();
      assertThat(server.requests())
          .containsExactly(
              "/robots.txt",
              "/s/rahlat_europa",
              "/s/rahlat_europa?before=104",
              "/s/rahlat_europa?before=101");
      assertThat(server.userAgents()).allMatch(a -> a.startsWith("CrossingWatchTest/1.0"));
    }
  }

  @Test
  void backfillStopsAfterTheConfiguredNumberOfPages() throws Exception {
    serveThreePages();
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      Batch batch = source(fetcher, 2).poll(Optional.empty(), 100);

      assertThat(batch.posts())
          .extracting(Post::externalId)
          .containsExactly("101", "102", "103", "104", "105", "106");
    }
  }

  @Test
  void aSmallBatchTakesTheOldestPostsAndTheNextPollContinuesAfterThem() throws Exception {
    serveThreePages();
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      TelegramPreviewSource source = source(fetcher, 5);
      Batch first = source.poll(Optional.empty(), 3);
      Batch second = source.poll(Optional.of(first.checkpoint()), 3);
      Batch third = source.poll(Optional.of(second.checkpoint()), 3);

      assertThat(first.posts()).extracting(Post::externalId).containsExactly("100", "101", "102");
      assertThat(first.checkpoint()).isEqualTo("after=102");
      assertThat(first.exhausted()).isFalse();
      assertThat(second.posts()).extracting(Post::externalId).containsExactly("103", "104", "105");
      assertThat(third.posts()).extracting(Post::externalId).containsExactly("106");
      assertThat(third.exhausted()).isTrue();
    }
  }

  @Test
  void laterPollsFetchOnlyTheNewestPageAndReturnOnlyNewPosts() throws Exception {
    server.route("/s/rahlat_europa", html(resource(DIR + LATER)));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      TelegramPreviewSource source = source(fetcher, 5);
      Batch batch = source.poll(Optional.of("after=106"), 100);
      Batch again = source.poll(Optional.of(batch.checkpoint()), 100);

      assertThat(batch.posts())
          .extracting(Post::externalId, Post::text)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "107",
                  "Sahara→Libya→Italy 🇮🇹 new trip on Friday\nPay on arrival. +218 92 000 5678"),
              org.assertj.core.groups.Tuple.tuple(
                  "108", "Documents (passport, visa) for Europe, delivery in 7 days."));
      assertThat(batch.checkpoint()).isEqualTo("after=108");
      assertThat(again.posts()).isEmpty();
      assertThat(again.checkpoint()).isEqualTo("after=108");
      assertThat(server.requests())
          .containsExactly("/robots.txt", "/s/rahlat_europa", "/s/rahlat_europa");
    }
  }

  @Test
  void truncatedHtmlYieldsTheWholeMessagesAndTheCutOneComesWithTheNextPoll() throws Exception {
    server.route(
        "/s/rahlat_europa",
        html(resource(DIR + "rahlat_europa_truncated.html")),
        html(resource(DIR + LATER)));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      TelegramPreviewSource source = source(fetcher, 5);
      Batch cut = source.poll(Optional.of("after=106"), 100);
      Batch whole = source.poll(Optional.of(cut.checkpoint()), 100);

      assertThat(cut.posts()).extracting(Post::externalId).containsExactly("107");
      assertThat(whole.posts()).extracting(Post::externalId).containsExactly("108");
    }
  }

  @Test
  void anEmptyPageMeansNothingNewAndKeepsTheCheckpoint() throws Exception {
    server.route("/s/rahlat_europa", html(""));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      TelegramPreviewSource source = source(fetcher, 5);

      assertThat(source.poll(Optional.empty(), 100))
          .isEqualTo(new Batch(List.of(), List.of(), "start", true));
      assertThat(source.poll(Optional.of("after=106"), 100))
          .isEqualTo(new Batch(List.of(), List.of(), "after=106", true));
    }
  }

  @Test
  void aChannelWithoutPublicPreviewIsReportedAndNotRetried() throws Exception {
    server.route(
        "/s/private_passage",
        Response.status(302, Map.of("Location", "https://t.me/private_passage")));
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      TelegramPreviewSource source =
          new TelegramPreviewSource(
              "telegram:private_passage", server.baseUri(), "private_passage", 1, 10, fetcher);

      assertThatThrownBy(() -> source.poll(Optional.empty(), 10))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessage(
              "Telegram channel 'private_passage' has no public web preview: "
                  + server.baseUri()
                  + "/s/private_passage redirects to https://t.me/private_passage");
      assertThat(server.requests()).containsExactly("/robots.txt", "/s/private_passage");
    }
  }

  @Test
  void anOfficerCanVerifyEachPostsHashAgainstTheWarcRecordOfItsPage() throws Exception {
    serveThreePages();
    try (HttpFetcher fetcher = Fetchers.quick(evidence)) {
      List<Post> posts = source(fetcher, 5).poll(Optional.empty(), 100).posts();

      WarcEvidenceStore store = WarcEvidenceStore.at(evidence);
      for (Post post : posts) {
        Path folder = store.folderFor(post.captureSha256(), post.collectedAt());
        List<Path> warcs;
        try (Stream<Path> files = Files.list(folder)) {
          warcs = files.toList();
        }
        assertThat(warcs).hasSize(1);
        try (WarcReader reader = new WarcReader(warcs.get(0))) {
          List<WarcRecord> records = reader.records().toList();
          assertThat(records).extracting(WarcRecord::type).containsExactly("request", "response");
        }
        try (WarcReader reader = new WarcReader(warcs.get(0))) {
          WarcResponse response =
              (WarcResponse)
                  reader.records().filter(r -> r instanceof WarcResponse).findFirst().get();
          assertThat(response.date()).isEqualTo(post.collectedAt());
          assertThat(response.target()).startsWith(server.baseUri() + "/s/rahlat_europa");
          assertThat(response.http().status()).isEqualTo(200);
          byte[] payload;
          try (InputStream body = response.http().body().stream()) {
            payload = body.readAllBytes();
          }
          assertThat(WarcEvidenceStore.sha256Hex(payload)).isEqualTo(post.captureSha256());
          assertThat(response.payloadDigest().get().hex()).isEqualTo(post.captureSha256());
        }
      }
    }
  }
}

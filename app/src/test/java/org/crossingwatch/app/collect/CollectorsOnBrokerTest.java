package org.crossingwatch.app.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.collect.FixturePages.FeedItem;
import org.crossingwatch.app.collect.FixturePages.TelegramMessage;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.collectors.CollectorRunner;
import org.crossingwatch.collectors.config.CollectorConfig;
import org.crossingwatch.collectors.config.CollectorFleet;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Fleets of collectors declared in a YAML config, and {@code crossingwatch import telegram-export},
 * publishing to a real (embedded) broker from web sites served on 127.0.0.1 and from files. The
 * broker is shared by the tests of this class; each test uses its own channels and looks only at
 * their posts.
 */
class CollectorsOnBrokerTest {
  private static final String RSS = "application/rss+xml; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static final String EXPORT =
      """
      {
       "name": "رحلات ليبيا",
       "type": "public_channel",
       "id": 1500,
       "messages": [
        {"id": 11, "type": "message", "date": "2026-02-01T10:00:00", "date_unixtime": "1769940000",
         "from": "رحلات ليبيا", "text": "رحلة إلى إيطاليا، الدفع عند الوصول"},
        {"id": 12, "type": "service", "date": "2026-02-01T10:05:00", "date_unixtime": "1769940300",
         "actor": "رحلات ليبيا", "action": "pin_message", "message_id": 11, "text": ""},
        {"id": 13, "type": "message", "date": "2026-02-02T08:30:00", "date_unixtime": "1770021000",
         "from": "رحلات ليبيا", "text": ["عبور مرز ترکیه ",
          {"type": "link", "text": "https://t.me/rah_orupa"}]},
        {"id": 14, "type": "message", "date": "2026-02-03T21:00:00", "date_unixtime": "1770152400",
         "from": "Passeur Calais", "text": "Passage camion vers Douvres"}
       ]
      }
      """;

  @TempDir static Path brokerDir;
  private static EmbeddedKafkaBroker broker;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedKafkaBroker.start(brokerDir.resolve("kafka"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicPlan.standard(1, (short) 1).apply(admin);
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aFleetOfTelegramFeedAndJsonlSourcesPublishesEveryPostExactlyOnceAcrossPolls()
      throws Exception {
    Path jsonl = dir.resolve("replay.jsonl");
    Files.write(
        jsonl,
        List.of(
            jsonLine("archive_fleet", "1", "Passage camion Calais–Douvres, paiement à l'arrivée"),
            jsonLine("archive_fleet", "2", "ترانزیت از وان به استانبول، تماس در تلگرام")),
        UTF_8);
    try (FixtureSite site = FixtureSite.start()) {
      site.route(
              "/s/rahlat_fleet",
              200,
              HTML,
              FixturePages.telegram(
                  "rahlat_fleet",
                  List.of(
                      new TelegramMessage(101, "رحلة إلى لامبيدوزا<br/>السعر 3500 يورو"),
                      new TelegramMessage(102, "Départ de Zuwara samedi, places limitées"))))
          .route(
              "/annonces/rss",
              200,
              RSS,
              FixturePages.rss(
                  "Annonces voyages",
                  List.of(
                      new FeedItem("annonce-502", "Passage", "Départ chaque nuit"),
                      new FeedItem("annonce-501", "Papiers", "Passeport et visa en 7 jours"))));
      Path config =
          config(
              """
                - type: telegram
                  name: rahlat_fleet
                  channel: rahlat_fleet
                  baseUrl: %1$s
                  pollInterval: 200ms
                - type: feed
                  name: annonces_fleet
                  url: %1$s/annonces/rss
                  pollInterval: 200ms
                - type: jsonl
                  name: replay_fleet
                  path: %2$s
                  pollInterval: 200ms
              """
                  .formatted(site.baseUri(), jsonl.toAbsolutePath()));
      Set<String> channels = Set.of("rahlat_fleet", "annonces_fleet", "archive_fleet");

      try (CollectorFleet fleet = start(config)) {
        // Each runner's count is what its committed checkpoint says; the topic is read at the end.
        await().atMost(WAIT).until(() -> published(fleet) == 6);
        // New posts on every source, found by later polls.
        site.route(
                "/s/rahlat_fleet",
                200,
                HTML,
                FixturePages.telegram(
                    "rahlat_fleet",
                    List.of(
                        new TelegramMessage(102, "Départ de Zuwara samedi, places limitées"),
                        new TelegramMessage(103, "Ruta Marruecos–Almería, salida el lunes"))))
            .route(
                "/annonces/rss",
                200,
                RSS,
                FixturePages.rss(
                    "Annonces voyages",
                    List.of(
                        new FeedItem("annonce-503", "Camion", "Frigo vers Londres"),
                        new FeedItem("annonce-502", "Passage", "Départ chaque nuit"))));
        Files.write(
            jsonl,
            List.of(jsonLine("archive_fleet", "3", "Kamyonla Yunanistan'a geçiş, ödeme sonra")),
            UTF_8,
            StandardOpenOption.APPEND);
        await().atMost(WAIT).until(() -> published(fleet) == 9);
        assertThat(fleet.runners()).allSatisfy(r -> assertThat(r.failure()).isEmpty());
      }

      assertThat(keyCounts(channels))
          .isEqualTo(
              once(
                  "telegram:rahlat_fleet:101",
                  "telegram:rahlat_fleet:102",
                  "telegram:rahlat_fleet:103",
                  "feed:annonces_fleet:annonce-501",
                  "feed:annonces_fleet:annonce-502",
                  "feed:annonces_fleet:annonce-503",
                  "telegram:archive_fleet:1",
                  "telegram:archive_fleet:2",
                  "telegram:archive_fleet:3"));
      Map<String, String> texts = new TreeMap<>();
      for (Post post : CommittedPosts.read(broker.bootstrapServers())) {
        if (post.channel().equals("rahlat_fleet")) {
          texts.put(post.key(), post.text());
        }
      }
      assertThat(texts)
          .isEqualTo(
              Map.of(
                  "telegram:rahlat_fleet:101", "رحلة إلى لامبيدوزا\nالسعر 3500 يورو",
                  "telegram:rahlat_fleet:102", "Départ de Zuwara samedi, places limitées",
                  "telegram:rahlat_fleet:103", "Ruta Marruecos–Almería, salida el lunes"));
    }
  }

  @Test
  void aHangingSiteAndAFailingSiteNeverSlowTheHealthySource() throws Exception {
    try (FixtureSite healthy = FixtureSite.start();
        FixtureSite hanging = FixtureSite.start();
        FixtureSite failing = FixtureSite.start()) {
      healthy.route(
          "/s/qawarib_ok",
          200,
          HTML,
          FixturePages.telegram(
              "qawarib_ok",
              List.of(
                  new TelegramMessage(7, "قارب من صبراتة الليلة"),
                  new TelegramMessage(8, "Passage Libye–Italie, 3000 €"))));
      hanging.hang("/forum/rss");
      failing.route("/annonces/rss", 500, "text/plain", "Internal Server Error");
      Path config =
          config(
              """
                - type: feed
                  name: hanging_forum
                  url: %s/forum/rss
                  pollInterval: 200ms
                - type: feed
                  name: failing_annonces
                  url: %s/annonces/rss
                  pollInterval: 200ms
                - type: telegram
                  name: qawarib_ok
                  channel: qawarib_ok
                  baseUrl: %s
                  pollInterval: 200ms
              """
                  .formatted(hanging.baseUri(), failing.baseUri(), healthy.baseUri()));
      Set<String> channels = Set.of("qawarib_ok", "hanging_forum", "failing_annonces");

      CollectorFleet fleet = start(config);
      try {
        CollectorRunner telegram = fleet.runners().get(2);
        await().atMost(WAIT).until(() -> telegram.postsPublished() == 2);
        healthy.route(
            "/s/qawarib_ok",
            200,
            HTML,
            FixturePages.telegram(
                "qawarib_ok",
                List.of(
                    new TelegramMessage(8, "Passage Libye–Italie, 3000 €"),
                    new TelegramMessage(9, "Otra salida desde Nador el domingo"))));
        await().atMost(WAIT).until(() -> telegram.postsPublished() == 3);

        // Still failing while the healthy source kept publishing: one request hangs unanswered
        // (its 2 min timeout has not passed) and the other site keeps answering 500.
        assertThat(hanging.hangingNow()).isOne();
        assertThat(failing.requests("/annonces/rss")).isGreaterThanOrEqualTo(2);
        assertThat(keyCounts(channels))
            .isEqualTo(
                once("telegram:qawarib_ok:7", "telegram:qawarib_ok:8", "telegram:qawarib_ok:9"));
        assertThat(fleet.runners()).allSatisfy(r -> assertThat(r.failure()).isEmpty());
      } finally {
        hanging.close(); // lets the hanging fetch fail now rather than at its timeout
        fleet.close();
      }
    }
  }

  @Test
  void importingATelegramExportPublishesItsMessagesOnceAndAgainNothingNew() throws Exception {
    Path export = dir.resolve("result.json");
    Files.writeString(export, EXPORT, UTF_8);
    String[] args = {
      "telegram-export", export.toString(), "--bootstrap-servers", broker.bootstrapServers()
    };

    assertThat(execute(new ImportCommand(), args)).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .contains("100.0%  0 of 0 MB  3 posts")
        .endsWith("Imported " + export + ": 3 new posts published, 3 in all\n");
    Map<String, String> texts = new TreeMap<>();
    for (Post post : CommittedPosts.read(broker.bootstrapServers())) {
      if (post.channel().equals("1500")) {
        texts.merge(post.key(), post.text(), (a, b) -> "DUPLICATE");
      }
    }
    assertThat(texts)
        .isEqualTo(
            Map.of(
                "telegram:1500:11", "رحلة إلى إيطاليا، الدفع عند الوصول",
                "telegram:1500:13", "عبور مرز ترکیه https://t.me/rah_orupa",
                "telegram:1500:14", "Passage camion vers Douvres"));

    out.getBuffer().setLength(0);
    assertThat(execute(new ImportCommand(), args)).isZero();
    assertThat(out.toString())
        .endsWith("Imported " + export + ": 0 new posts published, 3 in all\n");
    assertThat(keyCounts(Set.of("1500")))
        .isEqualTo(once("telegram:1500:11", "telegram:1500:13", "telegram:1500:14"));
  }

  private int execute(Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path config(String sources) throws Exception {
    Path file = dir.resolve("collectors.yaml");
    Files.writeString(
        file,
        """
        fetch:
          userAgent: "CrossingWatchTest/1.0 (+https://example.org/test)"
          minIntervalPerHost: 10ms
          connectTimeout: 2s
          requestTimeout: 2m
          maxAttempts: 2
          backoffInitial: 50ms
          backoffMax: 500ms
        evidenceDir: evidence
        batchSize: 2
        sources:
        """
            + sources,
        UTF_8);
    return file;
  }

  private static CollectorFleet start(Path config) throws Exception {
    String bootstrap = broker.bootstrapServers();
    return CollectorFleet.start(
        CollectorConfig.load(config),
        Optional.empty(),
        Clock.systemUTC(),
        source ->
            CollectorRunner.builder(source)
                .kafka(bootstrap)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
  }

  private static long published(CollectorFleet fleet) {
    return fleet.runners().stream().mapToLong(CollectorRunner::postsPublished).sum();
  }

  private static Map<String, Integer> keyCounts(Set<String> channels) {
    return CommittedPosts.keyCounts(
        broker.bootstrapServers(), post -> channels.contains(post.channel()));
  }

  private static Map<String, Integer> once(String... keys) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String key : keys) {
      counts.put(key, 1);
    }
    return counts;
  }

  private static String jsonLine(String channel, String id, String text) {
    return "{\"platform\":\"telegram\",\"channel\":\""
        + channel
        + "\",\"externalId\":\""
        + id
        + "\",\"text\":\""
        + text
        + "\"}";
  }
}

package org.crossingwatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.console.ApiClient.body;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.crossingwatch.console.export.EvidenceExporter;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleApiTest {
  @TempDir Path dir;
  private Fixtures fx;
  private Javalin app;

  @BeforeEach
  void setUp() {
    fx = new Fixtures(dir);
    fx.add(
        Fixtures.alert(
            "boats_ly",
            "1",
            "رحلات مضمونة إلى إيطاليا\nاتصل +218 91 234 5678\nالسعر 2000 دولار",
            0.93,
            List.of("ar"),
            "boat",
            Fixtures.T0));
    fx.add(
        Fixtures.alert(
            "papers_eu",
            "2",
            "Fake passports, fast delivery. WhatsApp 0090 532 123 45 67, @docs_fast",
            0.71,
            List.of("en"),
            "documents",
            Fixtures.T0.plusSeconds(600)));
    fx.add(
        Fixtures.alert(
            "game_tr",
            "3",
            "Game to Greece tonight, call +90 532 123 4567",
            0.41,
            List.of("en"),
            "game",
            Fixtures.T0.plusSeconds(1200)));
    app = fx.server(ConsoleSettings.defaults(dir));
  }

  @Test
  void loginSetsAnHttpOnlyStrictCookieAndAnswersUserRoleAndCsrfToken() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response =
              ApiClient.postJson(
                  client, "/api/login", null, null, ApiClient.loginBody("olga", Fixtures.PASSWORD));
          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Set-Cookie"))
              .matches("cw_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
          JsonNode me = Json.mapper().readTree(body(response));
          assertThat(me.get("user").asText()).isEqualTo("olga");
          assertThat(me.get("role").asText()).isEqualTo("officer");
          assertThat(me.get("csrfToken").asText()).hasSize(43);
          assertThat(fx.auditActions()).containsExactly("olga login console");
        });
  }

  @Test
  void wrongPasswordIs401AndAuditedAndTheSixthTryIsRateLimited() {
    JavalinTest.test(
        app,
        (server, client) -> {
          for (int i = 0; i < 5; i++) {
            Response wrong =
                ApiClient.postJson(
                    client, "/api/login", null, null, ApiClient.loginBody("olga", "guess-" + i));
            assertThat(wrong.code()).isEqualTo(401);
            assertThat(body(wrong)).isEqualTo("{\"error\":\"Wrong user name or password\"}");
          }
          Response limited =
              ApiClient.postJson(
                  client, "/api/login", null, null, ApiClient.loginBody("olga", Fixtures.PASSWORD));
          assertThat(limited.code()).isEqualTo(429);
          assertThat(limited.header("Retry-After")).isEqualTo("300");
          assertThat(body(limited))
              .isEqualTo("{\"error\":\"Too many failed logins; try again in 300 s\"}");
          assertThat(fx.auditActions())
              .hasSize(5)
              .allMatch(a -> a.equals("olga login.failed console"));
        });
  }

  @Test
  void loginWithoutPasswordIs400WithTheExpectedShape() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response =
              ApiClient.postJson(client, "/api/login", null, null, "{\"username\":\"olga\"}");
          assertThat(response.code()).isEqualTo(400);
          assertThat(body(response))
              .isEqualTo(
                  "{\"error\":\"Field 'password' is required, as in {\\\"username\\\":"
                      + " \\\"alice\\\", \\\"password\\\": \\\"...\\\"}\"}");
        });
  }

  @Test
  void everyRouteButOpsAndLoginNeedsASession() {
    JavalinTest.test(
        app,
        (server, client) -> {
          for (String path :
              List.of(
                  "/api/alerts",
                  "/api/alerts/cw-x",
                  "/api/alerts/cw-x/history",
                  "/api/events",
                  "/api/search?q=boat",
                  "/api/export?ids=cw-x",
                  "/api/stats",
                  "/api/audit",
                  "/api/users",
                  "/api/session")) {
            Response response = client.get(path);
            assertThat(response.code()).as(path).isEqualTo(401);
            assertThat(body(response)).as(path).isEqualTo("{\"error\":\"Log in first\"}");
          }
          for (String path : List.of("/health", "/ready", "/metrics", "/login", "/assets/app.js")) {
            assertThat(client.get(path).code()).as(path).isEqualTo(200);
          }
          var noRedirects = client.getOkHttp().newBuilder().followRedirects(false).build();
          try (Response page =
              noRedirects
                  .newCall(new Request.Builder().url(client.getOrigin() + "/?status=new").build())
                  .execute()) {
            assertThat(page.code()).isEqualTo(302);
            assertThat(page.header("Location")).isEqualTo("/login?next=%2F%3Fstatus%3Dnew");
          }
        });
  }

  @Test
  void rolesLimitWhatEachUserMayUse() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          ApiClient analyst = ApiClient.login(client, "anna");
          ApiClient admin = ApiClient.login(client, "adam");
          Response denied = officer.get("/api/stats");
          assertThat(denied.code()).isEqualTo(403);
          assertThat(body(denied))
              .isEqualTo("{\"error\":\"Role 'officer' may not do this; it needs 'analyst'\"}");
          assertThat(officer.get("/api/audit").code()).isEqualTo(403);
          assertThat(analyst.get("/api/stats").code()).isEqualTo(200);
          assertThat(body(analyst.get("/api/users")))
              .isEqualTo("{\"error\":\"Role 'analyst' may not do this; it needs 'admin'\"}");
          assertThat(admin.getJson("/api/users").toString())
              .isEqualTo(
                  "{\"users\":[{\"name\":\"adam\",\"role\":\"admin\"},"
                      + "{\"name\":\"anna\",\"role\":\"analyst\"},"
                      + "{\"name\":\"olga\",\"role\":\"officer\"}]}");
          assertThat(admin.getJson("/api/audit?action=login").get("events")).hasSize(3);
        });
  }

  @Test
  void stateChangingRequestsWithoutTheCsrfTokenOrFromAnotherOriginAreRefused() {
    String cw1 = fx.store.all().get(0).id();
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          String decision = "{\"outcome\":\"confirmed\"}";
          Response noToken =
              ApiClient.postJson(
                  client, "/api/alerts/" + cw1 + "/decisions", officer.cookie, null, decision);
          assertThat(noToken.code()).isEqualTo(403);
          assertThat(body(noToken))
              .isEqualTo("{\"error\":\"Missing or wrong CSRF token in X-CSRF-Token\"}");
          Response wrongToken =
              ApiClient.postJson(
                  client, "/api/alerts/" + cw1 + "/decisions", officer.cookie, "forged", decision);
          assertThat(wrongToken.code()).isEqualTo(403);
          Response crossOrigin =
              client.request(
                  "/api/alerts/" + cw1 + "/decisions",
                  b ->
                      b.post(RequestBody.create(decision, ApiClient.JSON))
                          .header("Cookie", officer.cookie)
                          .header("X-CSRF-Token", officer.csrf)
                          .header("Origin", "https://evil.example"));
          assertThat(crossOrigin.code()).isEqualTo(403);
          assertThat(body(crossOrigin))
              .isEqualTo(
                  "{\"error\":\"Cross-origin request refused: Origin 'https://evil.example'\"}");
          Response form =
              client.request(
                  "/api/login",
                  b ->
                      b.post(
                          RequestBody.create(
                              "username=olga&password=x",
                              okhttp3.MediaType.get("application/x-www-form-urlencoded"))));
          assertThat(form.code()).isEqualTo(415);
          assertThat(fx.decisions).isEmpty();
        });
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    JavalinTest.test(
        app,
        (server, client) -> {
          for (String path : List.of("/login", "/api/alerts", "/nowhere", "/health")) {
            Response response = client.get(path);
            assertThat(response.header("Content-Security-Policy"))
                .as(path)
                .isEqualTo(WebSecurity.CSP)
                .doesNotContain("unsafe-inline");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            body(response);
          }
        });
  }

  @Test
  void feedListsNewestFirstAndFiltersByStatusLanguageChannelCategoryScoreAndTime() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          assertThat(channels(officer.getJson("/api/alerts")))
              .containsExactly("game_tr", "papers_eu", "boats_ly");
          assertThat(channels(officer.getJson("/api/alerts?language=ar")))
              .containsExactly("boats_ly");
          assertThat(channels(officer.getJson("/api/alerts?minScore=0.7")))
              .containsExactly("papers_eu", "boats_ly");
          assertThat(channels(officer.getJson("/api/alerts?channel=telegram:papers_eu")))
              .containsExactly("papers_eu");
          assertThat(channels(officer.getJson("/api/alerts?category=game")))
              .containsExactly("game_tr");
          assertThat(
                  channels(
                      officer.getJson(
                          "/api/alerts?from=2025-06-01T08:05:00Z&to=2025-06-01T08:15:00Z")))
              .containsExactly("papers_eu");
          String boat = fx.store.feed(FeedFilterFor.channel("boats_ly")).get(0).id();
          assertThat(
                  officer
                      .post("/api/alerts/" + boat + "/decisions", "{\"outcome\":\"escalated\"}")
                      .code())
              .isEqualTo(201);
          assertThat(channels(officer.getJson("/api/alerts?status=new")))
              .containsExactly("game_tr", "papers_eu");
          assertThat(channels(officer.getJson("/api/alerts?status=escalated,confirmed")))
              .containsExactly("boats_ly");
          JsonNode first = officer.getJson("/api/alerts?language=ar").get("alerts").get(0);
          assertThat(first.get("excerpt").asText())
              .isEqualTo("رحلات مضمونة إلى إيطاليا\nاتصل +218 91 234 5678\nالسعر 2000 دولار");
          assertThat(first.get("status").asText()).isEqualTo("escalated");
          assertThat(first.get("decidedBy").asText()).isEqualTo("olga");
          assertThat(first.get("categories").toString()).isEqualTo("[\"boat\"]");
          assertThat(first.get("repostCount").asInt()).isEqualTo(1);
        });
  }

  @Test
  void badFeedFiltersAre400WithAClearMessage() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("minScore=high", "minScore must be a number between 0 and 1, was 'high'");
    cases.put("minScore=1.5", "minScore must be between 0 and 1, was 1.5");
    cases.put(
        "status=open",
        "status must be one of new, confirmed, false_positive, escalated, was 'open'");
    cases.put(
        "from=yesterday",
        "from must be a date (2025-06-01) or an instant (2025-06-01T10:00:00Z), was 'yesterday'");
    cases.put("limit=0", "limit must be between 1 and 1000, was 0");
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          cases.forEach(
              (query, message) -> {
                Response response = officer.get("/api/alerts?" + query);
                assertThat(response.code()).as(query).isEqualTo(400);
                assertThat(body(response))
                    .as(query)
                    .isEqualTo(Json.write(Map.of("error", message)));
              });
        });
  }

  @Test
  void detailShowsTextEntitiesExplanationSightingsAndLinksAndIsAudited() {
    String papers = fx.store.feed(FeedFilterFor.channel("papers_eu")).get(0).id();
    String game = fx.store.feed(FeedFilterFor.channel("game_tr")).get(0).id();
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          JsonNode detail = officer.getJson("/api/alerts/" + papers);
          assertThat(detail.get("text").asText())
              .isEqualTo("Fake passports, fast delivery. WhatsApp 0090 532 123 45 67, @docs_fast");
          assertThat(detail.get("url").asText()).isEqualTo("https://t.me/papers_eu/2");
          assertThat(detail.get("captureSha256").asText()).isEqualTo("ab".repeat(32));
          assertThat(detail.get("entities").toString())
              .isEqualTo(
                  "[{\"type\":\"phone\",\"value\":\"0090 532 123 45 67\","
                      + "\"normalized\":\"+905321234567\",\"start\":40,\"end\":58},"
                      + "{\"type\":\"handle\",\"value\":\"@docs_fast\",\"normalized\":\"docs_fast\","
                      + "\"start\":60,\"end\":70}]");
          assertThat(detail.get("contributions").toString())
              .isEqualTo(
                  "[{\"feature\":\"documents\",\"value\":1.5},{\"feature\":\"bias\",\"value\":-0.4}]");
          assertThat(detail.get("sightings").toString())
              .isEqualTo(
                  "[{\"channel\":\"telegram:papers_eu\",\"seenAt\":\"2025-06-01T08:10:00Z\"}]");
          assertThat(detail.get("linked").toString())
              .isEqualTo(
                  "[{\"alertId\":\""
                      + game
                      + "\",\"via\":{\"type\":\"phone\",\"value\":\"0090 532 123 45 67\","
                      + "\"normalized\":\"+905321234567\",\"start\":40,\"end\":58},"
                      + "\"channel\":\"telegram:game_tr\",\"score\":0.41,\"status\":\"new\"}]");
          assertThat(detail.get("spans").toString()).isEqualTo("[]");
          assertThat(fx.auditActions())
              .containsExactly("olga login console", "olga alert.view " + papers);
          Response missing = officer.get("/api/alerts/cw-0000");
          assertThat(missing.code()).isEqualTo(404);
          assertThat(body(missing)).isEqualTo("{\"error\":\"No alert with id 'cw-0000'\"}");
        });
  }

  @Test
  void spansAndEntitiesFromTheClassifierAreShownAndSearchable() {
    Alert plain =
        Fixtures.alert(
            "kachak_af",
            "9",
            "قاچاق به ترکیه، واتساپ 0093 70 123 4567",
            0.88,
            List.of("fa"),
            "route",
            Fixtures.T0.plusSeconds(1800));
    String text = plain.post().text();
    Verdict v = plain.verdict();
    Verdict explained =
        new Verdict(
            v.schemaVersion(),
            v.postKey(),
            v.score(),
            v.alert(),
            v.hits(),
            v.contributions(),
            v.languages(),
            v.ruleSetVersion(),
            v.scoredAt(),
            v.flags(),
            List.of(new org.crossingwatch.model.Span("fa-route", "route", 0, 16)),
            List.of(
                new ExtractedEntity(
                    ExtractedEntity.Type.PHONE,
                    "0093 70 123 4567",
                    "+93701234567",
                    text.indexOf("0093"),
                    text.length(),
                    Map.of("region", "AF")),
                new ExtractedEntity(
                    ExtractedEntity.Type.PLACE, "ترکیه", "Turkey", 10, 15, Map.of())));
    Alert alert =
        new Alert(
            0,
            plain.alertId(),
            plain.post(),
            explained,
            plain.firstSeen(),
            plain.lastSeen(),
            1,
            plain.channels());
    fx.add(alert);
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          JsonNode detail = officer.getJson("/api/alerts/" + alert.alertId());
          assertThat(detail.get("spans").toString())
              .isEqualTo(
                  "[{\"start\":0,\"end\":16,\"ruleId\":\"fa-route\",\"category\":\"route\"}]");
          assertThat(detail.get("entities").findValuesAsText("type"))
              .containsExactly("phone", "place");
          assertThat(detail.get("entities").findValuesAsText("normalized"))
              .containsExactly("+93701234567", "Turkey");
          assertThat(channels(officer.getJson("/api/search?phone=%2B93%2070%20123%204567")))
              .containsExactly("kachak_af");
          assertThat(channels(officer.getJson("/api/search?q=Turkey")))
              .containsExactly("kachak_af");
        });
  }

  @Test
  void aDecisionCanBeChangedAndTheHistoryIsKept() {
    String boat = fx.store.feed(FeedFilterFor.channel("boats_ly")).get(0).id();
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          Response first =
              officer.post(
                  "/api/alerts/" + boat + "/decisions",
                  "{\"outcome\":\"false_positive\",\"note\":\"news report\"}");
          assertThat(first.code()).isEqualTo(201);
          assertThat(body(first))
              .isEqualTo(
                  "{\"schemaVersion\":1,\"alertId\":\""
                      + boat
                      + "\",\"outcome\":\"FALSE_POSITIVE\",\"officer\":\"olga\","
                      + "\"note\":\"news report\",\"decidedAt\":\"2025-06-01T09:00:00Z\"}");
          ApiClient other = ApiClient.login(client, "anna");
          assertThat(
                  other
                      .post("/api/alerts/" + boat + "/decisions", "{\"outcome\":\"CONFIRMED\"}")
                      .code())
              .isEqualTo(201);
          JsonNode history = other.getJson("/api/alerts/" + boat + "/history");
          assertThat(history.get("status").asText()).isEqualTo("confirmed");
          assertThat(history.get("history").findValuesAsText("outcome"))
              .containsExactly("FALSE_POSITIVE", "CONFIRMED");
          assertThat(history.get("history").findValuesAsText("officer"))
              .containsExactly("olga", "anna");
          assertThat(fx.auditActions()).contains("olga decision " + boat, "anna decision " + boat);
          Response bad =
              officer.post("/api/alerts/" + boat + "/decisions", "{\"outcome\":\"maybe\"}");
          assertThat(bad.code()).isEqualTo(400);
          assertThat(body(bad))
              .isEqualTo(
                  "{\"error\":\"outcome must be one of confirmed, false_positive, escalated,"
                      + " was 'maybe'\"}");
          Response notJson = officer.post("/api/alerts/" + boat + "/decisions", "confirmed");
          assertThat(notJson.code()).isEqualTo(400);
          assertThat(
                  officer
                      .post("/api/alerts/cw-0000/decisions", "{\"outcome\":\"confirmed\"}")
                      .code())
              .isEqualTo(404);
          assertThat(fx.decisions).hasSize(2);
        });
  }

  @Test
  void searchFindsAPhoneWrittenDifferentlyHandlesTextAndChannels() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          assertThat(channels(officer.getJson("/api/search?phone=%2B90-532-123-45-67")))
              .containsExactly("game_tr", "papers_eu");
          assertThat(channels(officer.getJson("/api/search?phone=00218912345678")))
              .containsExactly("boats_ly");
          assertThat(channels(officer.getJson("/api/search?handle=%40Docs_Fast")))
              .containsExactly("papers_eu");
          assertThat(channels(officer.getJson("/api/search?q=PASSPORTS")))
              .containsExactly("papers_eu");
          assertThat(
                  channels(
                      officer.getJson("/api/search?q=%D8%A5%D9%8A%D8%B7%D8%A7%D9%84%D9%8A%D8%A7")))
              .containsExactly("boats_ly");
          assertThat(channels(officer.getJson("/api/search?channel=GAME_TR")))
              .containsExactly("game_tr");
          assertThat(channels(officer.getJson("/api/search?to=2025-06-01T08:05:00Z")))
              .containsExactly("boats_ly");
          assertThat(fx.auditActions()).contains("olga search alerts");
          Response badPhone = officer.get("/api/search?phone=532+123");
          assertThat(badPhone.code()).isEqualTo(400);
          assertThat(body(badPhone))
              .isEqualTo(
                  "{\"error\":\"phone '532 123' is not an international number: write it with"
                      + " its country code, for example +90 532 123 45 67 or 0090 532 123 45 67\"}");
          Response nothing = officer.get("/api/search");
          assertThat(nothing.code()).isEqualTo(400);
          assertThat(body(nothing))
              .isEqualTo(
                  "{\"error\":\"Give at least one of q, phone, handle, wallet, channel, from, to\"}");
        });
  }

  @Test
  void exportIsAZipWhoseChecksumsVerifyAndWhichHoldsHistoryAndAudit() {
    String boat = fx.store.feed(FeedFilterFor.channel("boats_ly")).get(0).id();
    String papers = fx.store.feed(FeedFilterFor.channel("papers_eu")).get(0).id();
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          officer.post("/api/alerts/" + boat + "/decisions", "{\"outcome\":\"confirmed\"}").close();
          Response response = officer.get("/api/export?ids=" + boat + "," + papers);
          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Content-Type")).startsWith("application/zip");
          assertThat(response.header("Content-Disposition"))
              .isEqualTo("attachment; filename=\"crossingwatch-evidence-2025-06-01T090000Z.zip\"");
          Map<String, byte[]> files = unzip(response.body().bytes());
          assertThat(files.keySet())
              .containsExactly(
                  boat + "/post.json",
                  boat + "/alert.json",
                  boat + "/triage-history.json",
                  boat + "/audit.json",
                  papers + "/post.json",
                  papers + "/alert.json",
                  papers + "/triage-history.json",
                  papers + "/audit.json",
                  "summary.html",
                  "SHA256SUMS");
          String sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
          for (String line : sums.split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(EvidenceExporter.sha256(files.get(parts[1])))
                .as(parts[1])
                .isEqualTo(parts[0]);
          }
          assertThat(sums.lines()).hasSize(9);
          assertThat(new String(files.get(boat + "/triage-history.json"), StandardCharsets.UTF_8))
              .contains("\"outcome\" : \"CONFIRMED\"");
          assertThat(new String(files.get(boat + "/audit.json"), StandardCharsets.UTF_8))
              .contains("\"action\" : \"decision\"", "\"action\" : \"export\"");
          assertThat(new String(files.get("summary.html"), StandardCharsets.UTF_8))
              .contains("<pre dir=\"auto\">رحلات مضمونة إلى إيطاليا");
          Response unknown = officer.get("/api/export?ids=cw-0000");
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(body(unknown)).isEqualTo("{\"error\":\"No alert with id 'cw-0000'\"}");
          assertThat(body(officer.get("/api/export")))
              .isEqualTo("{\"error\":\"ids must name at least one alert\"}");
        });
  }

  @Test
  void exportIncludesTheCollectorsWarcCaptureNamedByItsSha256() throws IOException {
    Path warcs = java.nio.file.Files.createDirectories(dir.resolve("warc"));
    byte[] warc = "WARC/1.1\r\nWARC-Type: response\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    java.nio.file.Files.write(warcs.resolve("ab".repeat(32) + ".warc.gz"), warc);
    String boat = fx.store.feed(FeedFilterFor.channel("boats_ly")).get(0).id();

    Map<String, byte[]> files = exportWithWarcDir(warcs, boat);

    assertThat(files.get(boat + "/capture.warc.gz")).isEqualTo(warc);
    assertThat(new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8))
        .contains(EvidenceExporter.sha256(warc) + "  " + boat + "/capture.warc.gz\n");
  }

  @Test
  void exportFindsTheCaptureInTheCollectorsDatedContentAddressedLayout() throws IOException {
    Path warcs = dir.resolve("evidence");
    String sha = "ab".repeat(32);
    // collectors: <evidenceDir>/<yyyy/MM/dd of collectedAt>/<sha[0..2]>/<sha>/<url hash>.warc.gz
    Path folder =
        java.nio.file.Files.createDirectories(
            warcs.resolve("2025/06/01").resolve(sha.substring(0, 2)).resolve(sha));
    byte[] warc = "WARC/1.1\r\nWARC-Type: request\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    java.nio.file.Files.write(folder.resolve("0123456789abcdef.warc.gz"), warc);
    String boat = fx.store.feed(FeedFilterFor.channel("boats_ly")).get(0).id();

    Map<String, byte[]> files = exportWithWarcDir(warcs, boat);

    assertThat(files.get(boat + "/capture.warc.gz")).isEqualTo(warc);
  }

  /** The unzipped export of one alert by an officer, from a console that reads {@code warcs}. */
  private Map<String, byte[]> exportWithWarcDir(Path warcs, String alertId) {
    Javalin withWarcs = fx.server(ConsoleSettings.defaults(dir).withWarcDir(warcs));
    Map<String, Map<String, byte[]>> exported = new java.util.HashMap<>();
    JavalinTest.test(
        withWarcs,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          exported.put(alertId, unzip(officer.get("/api/export?ids=" + alertId).body().bytes()));
        });
    return exported.get(alertId);
  }

  @Test
  void adminAddsAUserWhoCanThenLogIn() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient admin = ApiClient.login(client, "adam");
          Response added =
              admin.post(
                  "/api/users",
                  "{\"name\":\"bob\",\"role\":\"officer\",\"password\":\""
                      + Fixtures.PASSWORD
                      + "\"}");
          assertThat(added.code()).isEqualTo(201);
          assertThat(body(added)).isEqualTo("{\"name\":\"bob\",\"role\":\"officer\"}");
          assertThat(ApiClient.login(client, "bob").csrf).hasSize(43);
          Response badRole =
              admin.post(
                  "/api/users",
                  "{\"name\":\"eve\",\"role\":\"root\",\"password\":\"123456789012\"}");
          assertThat(badRole.code()).isEqualTo(400);
          assertThat(body(badRole))
              .isEqualTo("{\"error\":\"Role must be one of officer, analyst, admin, was 'root'\"}");
          assertThat(fx.auditActions()).contains("adam user.add bob");
        });
  }

  @Test
  void logoutEndsTheSession() {
    JavalinTest.test(
        app,
        (server, client) -> {
          ApiClient officer = ApiClient.login(client, "olga");
          Response out = officer.post("/api/logout", "{}");
          assertThat(out.code()).isEqualTo(204);
          assertThat(out.header("Set-Cookie"))
              .isEqualTo("cw_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
          assertThat(officer.get("/api/alerts").code()).isEqualTo(401);
        });
  }

  private static List<String> channels(JsonNode json) {
    return json.get("alerts").findValuesAsText("channel");
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}

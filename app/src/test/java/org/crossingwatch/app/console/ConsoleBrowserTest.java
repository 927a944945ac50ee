package org.crossingwatch.app.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;
import org.crossingwatch.app.testing.KafkaCluster;
import org.crossingwatch.app.testing.WithKafka;
import org.crossingwatch.console.Console;
import org.crossingwatch.console.ConsoleSettings;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.Users;
import org.crossingwatch.console.kafka.ConsoleTopics;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.EntityLink;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The console in a real browser against the real (embedded) broker: two officers' browsers share
 * one console, alerts arrive through Kafka exactly as the stream processor writes them.
 */
@WithKafka
class ConsoleBrowserTest {
  static final String PASSWORD = "correct horse battery";
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static ConsoleTopics topics;
  static Console console;
  static String base;
  static KafkaProducer<String, String> producer;
  static ChromeDriver olga;
  static ChromeDriver adam;
  static Path olgaDownloads;

  @BeforeAll
  static void startConsoleAndBrowsers(KafkaCluster kafka) {
    topics =
        new ConsoleTopics(
            kafka.uniqueTopic("cw.alerts"),
            kafka.uniqueTopic("cw.feedback"),
            kafka.uniqueTopic("cw.audit"));
    kafka.createTopics(topics.alerts(), topics.feedback(), topics.audit());
    Users users = Users.load(dir.resolve("users.yaml"), new PasswordHasher());
    users.add("olga", Role.OFFICER, PASSWORD.toCharArray());
    users.add("adam", Role.ADMIN, PASSWORD.toCharArray());
    ConsoleSettings settings =
        ConsoleSettings.defaults(dir.resolve("data"))
            .withPort(0)
            .withUsersFile(dir.resolve("users.yaml"))
            .withTopics(topics);
    console =
        Console.start(
            settings,
            kafka.bootstrapServers(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            List.of());
    base = "http://127.0.0.1:" + console.port();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
    olgaDownloads = dir.resolve("olga-downloads");
    olga = Browser.start(dir.resolve("olga-profile"), olgaDownloads);
    adam = Browser.start(dir.resolve("adam-profile"), dir.resolve("adam-downloads"));
    logIn(olga, "olga", "/");
  }

  @AfterAll
  static void stop() {
    Stream.of(olga, adam).filter(d -> d != null).forEach(ChromeDriver::quit);
    if (producer != null) {
      producer.close();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void loginRedirectsBackToTheSharedFilterAndRejectsAWrongPassword() {
    adam.get(base + "/?status=new&language=ar");
    eventually().until(() -> adam.getCurrentUrl().contains("/login?next="));
    adam.findElement(By.id("username")).sendKeys("adam");
    adam.findElement(By.id("password")).sendKeys("not the password");
    adam.findElement(By.id("login-button")).click();
    eventually()
        .until(
            () ->
                adam.findElement(By.id("login-error"))
                    .getText()
                    .equals("Wrong user name or password"));
    adam.findElement(By.id("password")).clear();
    adam.findElement(By.id("password")).sendKeys(PASSWORD);
    adam.findElement(By.id("login-button")).click();
    eventually().until(() -> adam.getCurrentUrl().equals(base + "/?status=new&language=ar"));
    eventually().until(() -> adam.findElement(By.id("who")).getText().equals("adam (admin)"));
    assertThat(adam.findElement(By.cssSelector("input[name=status][value=new]")).isSelected())
        .isTrue();
    assertThat(
            adam.findElement(By.cssSelector("#filters input[name=language]")).getAttribute("value"))
        .isEqualTo("ar");
    assertThat(adam.findElement(By.id("tab-audit")).isDisplayed()).isTrue();
    adam.get(base + "/");
  }

  @Test
  void aPostProducedToTheBrokerAppearsInTheOpenFeedWithoutReload() {
    olga.get(base + "/");
    awaitLive(olga);
    olga.executeScript("window.__notReloaded = true;");
    Alert alert =
        alert(
            "lorry_calais",
            "501",
            "Lorry to UK every night, 1500 GBP, call +44 7700 900123",
            "en",
            0.88);
    send(alert);
    WebElement row = awaitRow(olga, alert.alertId());
    assertThat(row.findElement(By.className("excerpt")).getText())
        .isEqualTo("Lorry to UK every night, 1500 GBP, call +44 7700 900123");
    assertThat(row.findElement(By.className("source")).getText())
        .isEqualTo("telegram · lorry_calais");
    assertThat(row.findElement(By.className("score")).getText()).isEqualTo("0.88");
    assertThat(row.findElement(By.className("status")).getText()).isEqualTo("new");
    assertThat(olga.executeScript("return window.__notReloaded === true;")).isEqualTo(true);
  }

  @Test
  void triageByKeyboardChangesTheStatusInAnotherOfficersBrowser() {
    Alert alert =
        alert(
            "boats_zuwara", "601", "قارب إلى لامبيدوزا الليلة، اتصل +218 91 555 1234", "ar", 0.95);
    send(alert);
    ensureLoggedIn(adam, "adam");
    adam.get(base + "/");
    awaitLive(adam);
    olga.get(base + "/");
    awaitLive(olga);
    awaitRow(olga, alert.alertId());
    awaitRow(adam, alert.alertId());
    // The phone inside the Arabic excerpt is a left-to-right isolate, so its digits keep order.
    WebElement excerpt =
        olga.findElement(
            By.cssSelector("#alerts li[data-id='" + alert.alertId() + "'] .excerpt bdi[dir=ltr]"));
    assertThat(excerpt.getText()).isEqualTo("+218 91 555 1234");
    Actions keys = new Actions(olga);
    for (int i = 0; i < 50 && !selectedId(olga).equals(alert.alertId()); i++) {
      keys.sendKeys("j").perform();
    }
    assertThat(selectedId(olga)).isEqualTo(alert.alertId());
    eventually().until(() -> olga.findElements(By.id("detail-status")).size() == 1);
    keys.sendKeys("e").perform();
    eventually().until(() -> statusOf(adam, alert.alertId()).equals("escalated"));
    eventually()
        .until(() -> olga.findElement(By.id("detail-status")).getText().equals("escalated"));
    keys.sendKeys("c").perform();
    eventually().until(() -> statusOf(adam, alert.alertId()).equals("confirmed"));
    eventually().until(() -> olga.findElements(By.cssSelector("#history li")).size() == 2);
    assertThat(
            olga.findElements(By.cssSelector("#history li")).stream()
                .map(e -> e.getText().replaceFirst("^\\S+ \\S+ ", ""))
                .toList())
        .containsExactly("olga: escalated", "olga: confirmed");
  }

  @Test
  void searchByAPhoneWrittenDifferentlyFromThePostFindsIt() {
    Alert alert =
        alert("taxi_bihac", "701", "Taxi Bihać → Trieste, WhatsApp +49 151 2345 6789", "en", 0.77);
    send(alert);
    awaitRow(olga, alert.alertId());
    olga.get(base + "/?view=search");
    awaitReady(olga);
    WebElement phone = olga.findElement(By.cssSelector("#search-form input[name=phone]"));
    phone.sendKeys("0049-1512-3456789", Keys.ENTER);
    eventually()
        .untilAsserted(
            () ->
                assertThat(rowIds(olga))
                    .as("search results at %s, error '%s'", olga.getCurrentUrl(), errorText(olga))
                    .containsExactly(alert.alertId()));
    assertThat(olga.getCurrentUrl()).contains("phone=0049-1512-3456789").contains("view=search");
  }

  @Test
  void alertDetailSaysWhereItsEntitiesWereSeenAndEachLineSearchesForOne() {
    Instant nov12 = Instant.parse("2025-11-12T09:30:00Z");
    Instant nov28 = Instant.parse("2025-11-28T21:05:00Z");
    Alert alert =
        alert("rihla_zuwara", "1001", "رحلة إلى إيطاليا يوميا، واتساب +218 91 777 0042", "ar", 0.9)
            .withLinks(
                List.of(
                    new EntityLink("phone:+218917770042", "PHONE", 3, 2, nov12, nov28),
                    new EntityLink("handle:@rihla_zuwara", "HANDLE", 2, 1, nov12, nov28)));
    send(alert);
    olga.get(base + "/?alert=" + alert.alertId());
    By lines = By.cssSelector("#entity-links li");
    eventually().until(() -> olga.findElements(lines).size() == 2);
    assertThat(olga.findElements(lines))
        .extracting(WebElement::getText)
        .containsExactly(
            "+218917770042: This number appears in 3 alerts across 2 channels"
                + " (first 12 Nov, last 28 Nov)",
            "@rihla_zuwara: This handle appears in 2 alerts across 1 channel"
                + " (first 12 Nov, last 28 Nov)");
    olga.executeScript("window.__notReloaded = true;");
    olga.findElement(By.cssSelector("#entity-links li a")).click();
    eventually()
        .untilAsserted(
            () ->
                assertThat(rowIds(olga))
                    .as("search results at %s, error '%s'", olga.getCurrentUrl(), errorText(olga))
                    .containsExactly(alert.alertId()));
    assertThat(olga.getCurrentUrl()).isEqualTo(base + "/?view=search&phone=%2B218917770042");
    assertThat(
            olga.findElement(By.cssSelector("#search-form input[name=phone]"))
                .getAttribute("value"))
        .isEqualTo("+218917770042");
    assertThat(olga.executeScript("return window.__notReloaded === true;")).isEqualTo(true);
  }

  @Test
  void theExportDownloadsAZipWhoseChecksumsVerify() throws IOException {
    Alert alert =
        alert("docs_athens", "801", "Greek ID cards, 800 EUR, t.me/greek_docs", "en", 0.66);
    send(alert);
    olga.get(base + "/?alert=" + alert.alertId());
    eventually().until(() -> olga.findElements(By.id("export-one")).size() == 1);
    olga.findElement(By.id("export-one")).click();
    eventually()
        .until(
            () ->
                zips(olgaDownloads).size() == 1
                    && !zips(olgaDownloads).get(0).toString().endsWith(".crdownload"));
    Map<String, byte[]> files = unzip(Files.readAllBytes(zips(olgaDownloads).get(0)));
    String sums = new String(files.get("SHA256SUMS"), UTF_8);
    assertThat(sums.lines()).hasSize(5);
    for (String line : sums.split("\n")) {
      String[] parts = line.split("  ", 2);
      assertThat(sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
    }
    assertThat(new String(files.get(alert.alertId() + "/post.json"), UTF_8))
        .contains("Greek ID cards, 800 EUR, t.me/greek_docs");
  }

  @Test
  void screenshotsOfTheFeedAndOfArabicAndEnglishAlertDetails() throws IOException {
    String arabicText =
        "رحلة بحرية مضمونة من زوارة إلى إيطاليا 🚤\nالسعر 2500 دولار، الدفع عند الوصول\nواتساب +218 92 123 4567";
    Alert arabic = alert("rihlat_libya", "901", arabicText, "ar", 0.97);
    ObjectNode withSpans = Json.mapper().valueToTree(arabic);
    ObjectNode verdict = (ObjectNode) withSpans.get("verdict");
    int boat = arabicText.indexOf("رحلة بحرية");
    int pay = arabicText.indexOf("الدفع عند الوصول");
    verdict
        .putArray("spans")
        .add(span(boat, boat + "رحلة بحرية".length(), "ar-boat-trip", "boat"))
        .add(span(pay, pay + "الدفع عند الوصول".length(), "ar-pay-on-arrival", "payment"));
    producer.send(new ProducerRecord<>(topics.alerts(), arabic.alertId(), withSpans.toString()));
    Alert english =
        alert(
            "game_serbia",
            "902",
            "Game to Italy with a guide, 100% safe. Pay on arrival.\nContact @safe_game_guide or +381 64 123 4567",
            "en",
            0.83);
    send(english);
    olga.get(base + "/");
    awaitRow(olga, arabic.alertId());
    awaitRow(olga, english.alertId());
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    screenshot(olga, shots.resolve("console-feed.png"));
    olga.get(base + "/?alert=" + arabic.alertId());
    eventually().until(() -> olga.findElements(By.cssSelector(".post-text mark")).size() == 2);
    WebElement text = olga.findElement(By.cssSelector(".post-text"));
    assertThat(text.getAttribute("dir")).isEqualTo("auto");
    assertThat(text.getText()).isEqualTo(arabicText);
    assertThat(olga.findElements(By.cssSelector(".post-text mark")).get(1).getAttribute("title"))
        .isEqualTo("ar-pay-on-arrival · payment");
    assertThat(text.getCssValue("direction")).isEqualTo("rtl");
    screenshot(olga, shots.resolve("console-alert-arabic.png"));
    olga.get(base + "/?alert=" + english.alertId());
    eventually().until(() -> olga.findElements(By.cssSelector(".post-text")).size() == 1);
    assertThat(olga.findElement(By.cssSelector(".post-text")).getCssValue("direction"))
        .isEqualTo("ltr");
    screenshot(olga, shots.resolve("console-alert-english.png"));
  }

  // ---- helpers ----

  static Alert alert(String channel, String id, String text, String language, double score) {
    Instant now = Instant.now();
    Post post =
        new Post(
            0,
            null,
            "telegram",
            channel,
            id + "-" + System.nanoTime(),
            Optional.of("https://t.me/" + channel + "/" + id),
            Optional.of("@" + channel + "_admin"),
            text,
            Optional.empty(),
            Optional.of(now.minusSeconds(120)),
            now,
            List.of(),
            Optional.empty(),
            sha256(text.getBytes(UTF_8)));
    Verdict verdict =
        new Verdict(
            0,
            post.key(),
            score,
            true,
            List.of(new RuleHit(language + "-smuggling", "smuggling", language, 2.0)),
            Map.of("smuggling", 2.0, "contact", 0.8, "news-context", -0.3),
            List.of(language),
            "rules-2025.06",
            now,
            List.of());
    return Alert.firstSighting(post, verdict);
  }

  static void send(Alert alert) {
    try {
      producer
          .send(new ProducerRecord<>(topics.alerts(), alert.alertId(), Json.write(alert)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not produce " + alert.alertId(), e);
    }
  }

  static ObjectNode span(int start, int end, String rule, String category) {
    ObjectNode span = Json.mapper().createObjectNode();
    span.put("start", start).put("end", end).put("ruleId", rule).put("category", category);
    return span;
  }

  static void logIn(ChromeDriver driver, String user, String path) {
    driver.get(base + path);
    eventually().until(() -> driver.findElements(By.id("username")).size() == 1);
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    eventually()
        .until(
            () ->
                driver.findElements(By.id("who")).size() == 1
                    && driver.findElement(By.id("who")).getText().startsWith(user + " "));
  }

  static void ensureLoggedIn(ChromeDriver driver, String user) {
    driver.get(base + "/");
    if (driver.getCurrentUrl().contains("/login")) {
      logIn(driver, user, "/");
    }
  }

  /**
   * Waits up to {@link #PATIENCE}; rows re-rendered by a live update are simply looked up again.
   */
  static ConditionFactory eventually() {
    return await()
        .atMost(PATIENCE)
        .ignoreExceptionsInstanceOf(StaleElementReferenceException.class);
  }

  static String errorText(ChromeDriver driver) {
    return driver.findElement(By.id("list-error")).getText();
  }

  static void awaitReady(ChromeDriver driver) {
    eventually().until(() -> !driver.findElement(By.id("who")).getText().isEmpty());
  }

  static void awaitLive(ChromeDriver driver) {
    eventually().until(() -> driver.findElements(By.cssSelector("#live-state.on")).size() == 1);
  }

  static WebElement awaitRow(ChromeDriver driver, String alertId) {
    By row = By.cssSelector("#alerts li[data-id='" + alertId + "']");
    eventually().until(() -> driver.findElements(row).size() == 1);
    return driver.findElement(row);
  }

  static String statusOf(ChromeDriver driver, String alertId) {
    return awaitRow(driver, alertId).findElement(By.className("status")).getText();
  }

  static String selectedId(ChromeDriver driver) {
    List<WebElement> selected = driver.findElements(By.cssSelector("#alerts li.selected"));
    return selected.isEmpty() ? "" : selected.get(0).getAttribute("data-id");
  }

  static List<String> rowIds(ChromeDriver driver) {
    return driver.findElements(By.cssSelector("#alerts li")).stream()
        .map(e -> e.getAttribute("data-id"))
        .toList();
  }

  static void screenshot(ChromeDriver driver, Path file) throws IOException {
    Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
  }

  static List<Path> zips(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().contains(".zip")).toList();
    }
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object js(ChromeDriver driver, String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }
}

package org.crossingwatch.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.app.testing.KafkaCluster;
import org.crossingwatch.app.testing.WithKafka;
import org.crossingwatch.console.Console;
import org.crossingwatch.console.ConsoleSettings;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.Users;
import org.crossingwatch.console.kafka.ConsoleTopics;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The analysts' rules page in a real browser against the real broker: per-rule precision from the
 * officers' decisions, sorting, example alerts whose attacker-controlled text stays text, audit,
 * the Statistics tab's link to the page, and officers kept out.
 */
@WithKafka
class RulesPageBrowserTest {
  static final String PASSWORD = "correct horse battery";
  static final String XSS = "Паспорт ЕС <img src=x onerror=\"document.title='pwned'\"> 💶";

  @TempDir static Path dir;
  static ConsoleTopics topics;
  static Console console;
  static String base;
  static ChromeDriver ana;
  static ChromeDriver olga;
  static Alert boat;
  static Alert passage;
  static Alert passport;

  @BeforeAll
  static void startConsoleWithTriagedAlerts(KafkaCluster kafka) throws Exception {
    topics =
        new ConsoleTopics(
            kafka.uniqueTopic("cw.alerts"),
            kafka.uniqueTopic("cw.feedback"),
            kafka.uniqueTopic("cw.audit"));
    kafka.createTopics(topics.alerts(), topics.feedback(), topics.audit());
    Users users = Users.load(dir.resolve("users.yaml"), new PasswordHasher());
    users.add("ana", Role.ANALYST, PASSWORD.toCharArray());
    users.add("rita", Role.ANALYST, PASSWORD.toCharArray());
    users.add("olga", Role.OFFICER, PASSWORD.toCharArray());
    boat = alert("1", "رحلة بحرية من زوارة، ٣٥٠٠ دينار", "ar.crossing.sea-trip", "any.price");
    passage = alert("2", "Passage en Angleterre, 1500 €", "fr.crossing.passage", "any.price");
    passport = alert("3", XSS, "any.price", "ru.documents.passport");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (Alert alert : List.of(boat, passage, passport)) {
        producer.send(new ProducerRecord<>(topics.alerts(), alert.alertId(), Json.write(alert)));
      }
      for (Decision d :
          List.of(
              decision(boat, Decision.Outcome.CONFIRMED),
              decision(passage, Decision.Outcome.FALSE_POSITIVE))) {
        producer.send(new ProducerRecord<>(topics.feedback(), d.alertId(), Json.write(d))).get();
      }
    }
    console =
        Console.start(
            ConsoleSettings.defaults(dir.resolve("data"))
                .withPort(0)
                .withUsersFile(dir.resolve("users.yaml"))
                .withTopics(topics),
            kafka.bootstrapServers(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            List.of());
    base = "http://127.0.0.1:" + console.port();
    await().atMost(Duration.ofSeconds(30)).until(console::caughtUp);
    ana = Browser.start(dir.resolve("ana-profile"), dir.resolve("ana-downloads"));
    olga = Browser.start(dir.resolve("olga-profile"), dir.resolve("olga-downloads"));
  }

  @AfterAll
  static void stop() {
    Stream.of(ana, olga).filter(d -> d != null).forEach(ChromeDriver::quit);
    if (console != null) {
      console.close();
    }
  }

  @Test
  void analystSortsRulesByPrecisionAndVolumeAndOpensExampleAlertsAsText(KafkaCluster kafka) {
    logIn(ana, "ana", "/rules");

    eventually().until(() -> rows(ana).size() == 4);
    assertThat(rows(ana))
        .containsExactly(
            "any.price 3 3 1 0 1 0.50",
            "ar.crossing.sea-trip 1 1 1 0 0 1.00",
            "fr.crossing.passage 1 1 0 0 1 0.00",
            "ru.documents.passport 1 1 0 0 0 –");

    ana.findElement(By.id("sort-precision")).click();
    eventually().until(() -> rows(ana).get(0).startsWith("ar.crossing.sea-trip"));
    assertThat(rows(ana))
        .containsExactly(
            "ar.crossing.sea-trip 1 1 1 0 0 1.00",
            "any.price 3 3 1 0 1 0.50",
            "fr.crossing.passage 1 1 0 0 1 0.00",
            "ru.documents.passport 1 1 0 0 0 –");
    assertThat(ana.getCurrentUrl()).isEqualTo(base + "/rules?order=precision");

    ana.findElement(By.id("sort-volume")).click();
    eventually().until(() -> rows(ana).get(0).startsWith("any.price"));

    ana.findElement(By.linkText("any.price")).click();
    eventually().until(() -> ana.findElements(By.cssSelector("#examples-list li")).size() == 3);
    assertThat(ana.findElement(By.id("examples-title")).getText())
        .isEqualTo("Example alerts of any.price");
    assertThat(ana.findElements(By.cssSelector("#examples-list .excerpt")))
        .extracting(WebElement::getText)
        .containsExactlyInAnyOrder(
            "رحلة بحرية من زوارة، ٣٥٠٠ دينار", "Passage en Angleterre, 1500 €", XSS);
    assertThat(ana.findElements(By.cssSelector("#examples-list img"))).isEmpty();
    assertThat(ana.getTitle()).isEqualTo("CrossingWatch – rules");

    ana.findElement(By.linkText(passport.alertId())).click();
    eventually().until(() -> ana.getCurrentUrl().equals(base + "/?alert=" + passport.alertId()));

    eventually()
        .untilAsserted(
            () ->
                assertThat(rulesViewsAudited(kafka, "ana"))
                    .containsExactly(
                        "rules.stats rules",
                        "rules.stats rules",
                        "rules.stats rules",
                        "rules.stats rules",
                        "rules.examples any.price"));
  }

  /** The user's audited views of the rules page and its API, in the order they were audited. */
  private static List<String> rulesViewsAudited(KafkaCluster kafka, String user) {
    return kafka.readCommittedToEnd(topics.audit()).stream()
        .map(kv -> kv.value)
        .map(json -> Json.read(json, AuditEvent.class))
        .filter(e -> e.user().equals(user) && e.action().startsWith("rules."))
        .map(e -> e.action() + " " + e.target())
        .toList();
  }

  @Test
  void analystsStatisticsTabLinksToTheRulesPage() {
    // A browser of its own: the analyst test above counts ana's audit entries exactly.
    ChromeDriver rita = Browser.start(dir.resolve("rita-profile"), dir.resolve("rita-downloads"));
    try {
      logIn(rita, "rita", "/");
      rita.findElement(By.id("tab-stats")).click();
      eventually().until(() -> rita.findElements(By.id("rules-link")).size() == 1);
      assertThat(rita.findElement(By.cssSelector("#admin-view h2")).getText())
          .isEqualTo("Statistics: 3 alerts");
      assertThat(rita.findElement(By.id("rules-link")).getText())
          .isEqualTo("Rules: hits, decisions and precision per rule");
      rita.findElement(By.id("rules-link")).click();
      eventually().until(() -> rita.getCurrentUrl().equals(base + "/rules"));
      eventually().until(() -> rows(rita).size() == 4);
      assertThat(rita.getTitle()).isEqualTo("CrossingWatch – rules");
    } finally {
      rita.quit();
    }
  }

  @Test
  void officerIsRefusedThePageAndItsApi() {
    logIn(olga, "olga", "/");
    assertThat(olga.findElement(By.id("tab-stats")).isDisplayed()).isFalse();
    olga.get(base + "/?view=stats");
    eventually()
        .until(
            () ->
                olga.findElement(By.id("list-error"))
                    .getText()
                    .equals("Role 'officer' may not do this; it needs 'analyst'"));
    assertThat(olga.findElements(By.cssSelector("a[href='/rules']"))).isEmpty();

    olga.get(base + "/api/rules/stats");
    assertThat(olga.findElement(By.tagName("body")).getText())
        .isEqualTo("{\"error\":\"Role 'officer' may not do this; it needs 'analyst'\"}");
    olga.get(base + "/rules");
    assertThat(olga.findElement(By.tagName("body")).getText())
        .isEqualTo("{\"error\":\"Role 'officer' may not do this; it needs 'analyst'\"}");
  }

  private static List<String> rows(ChromeDriver driver) {
    return driver.findElements(By.cssSelector("#rules-body tr")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static void logIn(ChromeDriver driver, String user, String path) {
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

  private static org.awaitility.core.ConditionFactory eventually() {
    return ConsoleBrowserTest.eventually();
  }

  private static Alert alert(String id, String text, String... rules) {
    Instant now = Instant.now();
    Post post =
        new Post(
            0,
            null,
            "telegram",
            "rules_page",
            id + "-" + System.nanoTime(),
            Optional.empty(),
            Optional.empty(),
            text,
            Optional.empty(),
            Optional.empty(),
            now,
            List.of(),
            Optional.empty(),
            "00");
    List<RuleHit> hits =
        Arrays.stream(rules).map(r -> new RuleHit(r, "crossing_offer", "any", 2.0)).toList();
    Verdict verdict =
        new Verdict(0, post.key(), 0.9, true, hits, Map.of(), List.of(), "rules-1", now, List.of());
    return Alert.firstSighting(post, verdict);
  }

  private static Decision decision(Alert alert, Decision.Outcome outcome) {
    return new Decision(0, alert.alertId(), outcome, "olga", Optional.empty(), Instant.now());
  }
}

package org.crossingwatch.app.console;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.SoftAssertions;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Attacker-controlled post fields (text, author, URL, channel) carrying script tags, event
 * handlers, javascript: URLs, SVG, broken markup and bidi overrides: none runs, none injects an
 * element or loads anything from another host, each is shown as the literal text it is. Each
 * payload is also an entity key the pipeline linked, shown in the alert detail's entity links.
 */
@WithKafka
class ConsoleXssTest {
  static final String PASSWORD = "correct horse battery";
  static final Duration PATIENCE = Duration.ofSeconds(30);

  static final List<String> PAYLOADS =
      List.of(
          "<script>window.__xss=1;alert(1)</script>",
          "<img src=x onerror=\"window.__xss=2;alert(2)\">",
          "<svg onload=alert(3)>",
          "<svg><script>alert(4)</script></svg>",
          "javascript:alert(5)",
          "\"><script>alert(6)</script>",
          "'><img src=x onerror=alert(7) class=xss-marker>",
          "<iframe src=\"javascript:alert(8)\"></iframe>",
          "<a href=\"javascript:alert(9)\" class=\"xss-marker\">click me</a>",
          "<body onload=alert(10)>",
          "<div class=\"xss-marker\" data-xss=\"1\">injected</div>",
          "<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>",
          "<!--<img src=\"--><img src=x onerror=alert(13)//\">",
          "<scr<script>ipt>alert(14)</scr</script>ipt>",
          "\u202e<b class=\"xss-marker\">gnp.exe</b> \u202etxt.exe",
          "\u202d<script>alert(16)</script>\u202c",
          "<img src=\"https://evil.example/pixel.png\">",
          "<link rel=stylesheet href=https://evil.example/x.css>",
          "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(19)\">",
          "<object data=\"javascript:alert(20)\"></object>",
          "<input autofocus onfocus=alert(21)>",
          "<details open ontoggle=alert(22)>",
          "{{constructor.constructor('alert(23)')()}}",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCgyNCk8L3NjcmlwdD4=",
          "<form action=https://evil.example><button class=xss-marker>go</button></form>",
          "<style>@import 'https://evil.example/x.css';</style>",
          "vbscript:msgbox(27)",
          "<video><source onerror=alert(28)></video>",
          "\u2067<svg/onload=alert(29)>\u2069 مرحبا",
          "</textarea><script>alert(30)</script>",
          "https://t.me/x\"onmouseover=\"alert(31)",
          "<x onclick=alert(32) class=xss-marker>click</x>");

  @TempDir static Path dir;

  @Test
  void attackerControlledFieldsNeverRunAndAreShownAsText(KafkaCluster kafka) throws Exception {
    ConsoleTopics topics =
        new ConsoleTopics(
            kafka.uniqueTopic("cw.alerts"),
            kafka.uniqueTopic("cw.feedback"),
            kafka.uniqueTopic("cw.audit"));
    kafka.createTopics(topics.alerts(), topics.feedback(), topics.audit());
    Users.load(dir.resolve("users.yaml"), new PasswordHasher())
        .add("olga", Role.OFFICER, PASSWORD.toCharArray());
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      alerts.add(alert(i, PAYLOADS.get(i)));
    }
    try (Console console =
            Console.start(
                ConsoleSettings.defaults(dir.resolve("data"))
                    .withPort(0)
                    .withUsersFile(dir.resolve("users.yaml"))
                    .withTopics(topics),
                kafka.bootstrapServers(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of());
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
      for (Alert alert : alerts) {
        producer.send(new ProducerRecord<>(topics.alerts(), alert.alertId(), Json.write(alert)));
      }
      producer.flush();
      String base = "http://127.0.0.1:" + console.port();
      ChromeDriver browser = Browser.start(dir.resolve("profile"), dir.resolve("downloads"));
      try {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("olga");
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        ConsoleBrowserTest.eventually()
            .until(
                () -> browser.findElements(By.cssSelector("#alerts li")).size() == PAYLOADS.size());
        browser.executeScript(
            "window.__violations = [];"
                + "document.addEventListener('securitypolicyviolation',"
                + " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < alerts.size(); i++) {
          Alert alert = alerts.get(i);
          String payload = PAYLOADS.get(i);
          WebElement row =
              browser.findElement(By.cssSelector("#alerts li[data-id='" + alert.alertId() + "']"));
          soft.assertThat(text(browser, row.findElement(By.className("excerpt"))))
              .as("excerpt %d", i)
              .isEqualTo(payload);
          soft.assertThat(text(browser, row.findElement(By.className("source"))))
              .as("channel %d", i)
              .isEqualTo("telegram · " + payload);
          row.click();
          ConsoleBrowserTest.eventually()
              .until(
                  () ->
                      browser.findElements(By.cssSelector("#detail dd")).stream()
                          .anyMatch(dd -> alert.alertId().equals(dd.getText())));
          soft.assertThat(text(browser, browser.findElement(By.cssSelector(".post-text"))))
              .as("text %d", i)
              .isEqualTo(payload);
          soft.assertThat(text(browser, browser.findElement(By.cssSelector("#detail h2"))))
              .as("heading %d", i)
              .isEqualTo("telegram · " + payload);
          soft.assertThat(text(browser, browser.findElement(By.cssSelector("#entity-links li"))))
              .as("entity link %d", i)
              .isEqualTo(
                  payload
                      + ": This handle appears in 2 alerts across 1 channel"
                      + " (first 12 Nov, last 28 Nov)");
          soft.assertThat(
                  browser.findElements(By.cssSelector("#detail dd")).stream()
                      .map(dd -> text(browser, dd))
                      .filter(payload::equals)
                      .count())
              .as("author and URL %d shown as text", i)
              .isEqualTo(2);
          assertNothingRan(browser, soft, base, i);
        }
        soft.assertThat(browser.executeScript("return window.__violations;")).isEqualTo(List.of());
        soft.assertAll();
      } finally {
        browser.quit();
      }
    }
  }

  private static void assertNothingRan(
      ChromeDriver browser, SoftAssertions soft, String base, int i) {
    soft.assertThatThrownBy(() -> browser.switchTo().alert())
        .as("dialog after payload %d", i)
        .isInstanceOf(NoAlertPresentException.class);
    // One round trip for every other check keeps 30 payloads quick.
    Object found =
        browser.executeScript(
            "return {"
                + " xssFlagUnset: window.__xss === undefined,"
                + " injectedElements: document.querySelectorAll('.xss-marker, [data-xss], iframe,"
                + " object, embed, img, svg, video, form:not(#filters):not(#search-form),"
                + " meta[http-equiv], style, x, b, details, input[autofocus], script:not([src]),"
                + " link:not([href=\"/assets/app.css\"])').length,"
                + " nonWebLinks: Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
                + "   .filter(h => !(h.startsWith('http://') || h.startsWith('https://'))),"
                + " linksWithoutNoopener: Array.from(document.querySelectorAll('a[target]'))"
                + "   .filter(a => a.rel !== 'noopener noreferrer').length,"
                + " requestsElsewhere: performance.getEntriesByType('resource').map(e => e.name)"
                + "   .filter(n => !n.startsWith(location.origin)),"
                + " stillHere: location.href.startsWith(arguments[0])"
                + "};",
            base + "/");
    soft.assertThat(found)
        .as("page state after payload %d", i)
        .isEqualTo(
            Map.of(
                "xssFlagUnset",
                true,
                "injectedElements",
                0L,
                "nonWebLinks",
                List.of(),
                "linksWithoutNoopener",
                0L,
                "requestsElsewhere",
                List.of(),
                "stillHere",
                true));
  }

  private static String text(ChromeDriver browser, WebElement element) {
    return (String) browser.executeScript("return arguments[0].textContent;", element);
  }

  private static Alert alert(int i, String payload) {
    Instant now = Instant.now().minusSeconds(PAYLOADS.size() - i);
    Post post =
        new Post(
            0,
            null,
            "telegram",
            payload,
            "xss-" + i,
            Optional.of(payload),
            Optional.of(payload),
            payload,
            Optional.empty(),
            Optional.of(now),
            now,
            List.of(),
            Optional.empty(),
            ConsoleBrowserTest.sha256(payload.getBytes(UTF_8)));
    Verdict verdict =
        new Verdict(
            0,
            post.key(),
            0.9,
            true,
            List.of(new RuleHit("xss-" + i, "test", "en", 1.0)),
            Map.of("test", 1.0),
            List.of("en"),
            "rules-xss",
            now,
            List.of());
    return Alert.firstSighting(post, verdict)
        .withLinks(
            List.of(
                new EntityLink(
                    "handle:" + payload,
                    "HANDLE",
                    2,
                    1,
                    Instant.parse("2025-11-12T09:30:00Z"),
                    Instant.parse("2025-11-28T21:05:00Z"))));
  }
}

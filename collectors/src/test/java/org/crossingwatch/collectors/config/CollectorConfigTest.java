package org.crossingwatch.collectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.collectors.web.Selectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigTest {
  @TempDir Path dir;

  @Test
  void aValidConfigGivesEverySourceWithDefaultsFilledIn() throws Exception {
    Path file = dir.resolve("collectors.yaml");
    Files.writeString(
        file,
        """
        fetch:
          userAgent: "CrossingWatch/0.1 (+https://example.org)"
          minIntervalPerHost: 3s
        evidenceDir: ev
        sources:
          - type: telegram
            name: rahlat
            channel: "@rahlat_europa"
            pollInterval: 10m
            backfillPages: 3
          - type: web
            name: annonces
            url: https://annonces.example/voyages
            selectors:
              item: article.ad
              link: h2 a
              next: a.pager-next
        """);

    CollectorConfig config = CollectorConfig.load(file);

    assertThat(config.fetch().minIntervalPerHost()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.fetch().maxAttempts()).isEqualTo(4);
    assertThat(config.evidenceDir()).isEqualTo(dir.toAbsolutePath().resolve("ev"));
    assertThat(config.batchSize()).isEqualTo(500);
    assertThat(config.sources())
        .containsExactly(
            new SourceSpec(
                "telegram",
                "rahlat",
                Duration.ofMinutes(10),
                Map.of("channel", "rahlat_europa", "backfillPages", "3"),
                Optional.empty()),
            new SourceSpec(
                "web",
                "annonces",
                Duration.ofMinutes(5),
                Map.of("url", "https://annonces.example/voyages"),
                Optional.of(
                    new Selectors(
                        "article.ad",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("h2 a"),
                        Optional.of("a.pager-next")))));
  }

  @Test
  void anInvalidConfigIsRejectedWithFileLineAndWhatIsWrongForEveryMistake() throws Exception {
    Path file = dir.resolve("collectors.yaml");
    Files.writeString(
        file,
        """
        fetch:
          maxAttempts: zero
        sources:
          - type: telegram
            name: rahlat
            pollInterval: soon
          - type: mastodon
            name: rahlat
            instance: ftp://mastodon.example
            timeline: tag:passage
          - type: forum
            name: x
          - type: web
            name: ads
            url: https://ads.example
            selectors:
              item: "div["
            colour: red
        """);

    assertThatThrownBy(() -> CollectorConfig.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            String.join(
                "\n",
                "collectors.yaml:2:16: fetch.maxAttempts: 'zero' must be a whole number from 1 to 100",
                "collectors.yaml:4:5: sources[0]: a 'telegram' source needs 'channel'",
                "collectors.yaml:6:19: sources[0].pollInterval: 'soon' is not a positive duration"
                    + " like 500ms, 30s, 5m, 2h or 1d",
                "collectors.yaml:9:15: sources[1].instance: 'ftp://mastodon.example' is not an"
                    + " http(s) URL",
                "collectors.yaml:11:11: sources[2].type: unknown source type 'forum', expected one"
                    + " of feed, jsonl, mastodon, telegram, telegram-export, web",
                "collectors.yaml:18:13: sources[3].colour: unknown key 'colour', expected one of"
                    + " maxPages, name, pollInterval, selectors, type, url",
                "collectors.yaml:17:13: sources[3].selectors.item: invalid CSS selector 'div[':"
                    + " Did not find balanced marker at ''"));
  }
}

package org.crossingwatch.app.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.crossingwatch.app.deliver.SignedWebhookReceiver;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crossingwatch run --sources FILE --delivery FILE}: the configured sources run beside the
 * replay, and alerts reach a signed webhook, all on the embedded broker.
 */
class RunWithSourcesAndDeliveryTest {
  private static final String SECRET = "run-test-webhook-secret";

  @TempDir Path dir;

  @Test
  void configuredSourceIsCollectedAndItsAlertIsDeliveredToTheWebhook() throws Exception {
    Path noPosts = Files.createFile(dir.resolve("empty.jsonl"));
    Files.writeString(
        dir.resolve("channel.jsonl"),
        "{\"platform\":\"telegram\",\"channel\":\"passage_uk\",\"externalId\":\"77\","
            + "\"text\":\"Passage en Angleterre par camion ou zodiac 🇫🇷➡️🇬🇧 garanti, 2500€,"
            + " paiement à l'arrivée, WhatsApp +44 7700 900123\"}\n",
        UTF_8);
    Path sources = dir.resolve("collectors.yaml");
    Files.writeString(
        sources,
        """
        evidenceDir: %s
        sources:
          - type: jsonl
            name: channel
            path: %s
        """
            .formatted(dir.resolve("evidence"), dir.resolve("channel.jsonl")),
        UTF_8);
    Path secretFile = dir.resolve("webhook.secret");
    Files.writeString(secretFile, SECRET, UTF_8);

    try (SignedWebhookReceiver desk = new SignedWebhookReceiver(SECRET, 200)) {
      Path delivery = dir.resolve("delivery.yaml");
      Files.writeString(
          delivery,
          """
          consoleBaseUrl: http://127.0.0.1:8080
          sinks:
            desk:
              type: webhook
              url: %s
              secret: {file: %s}
          routes:
            - name: everything
              sinks: [desk]
          """
              .formatted(desk.url(), secretFile),
          UTF_8);
      RunSettings base = RunFixtures.settings(dir.resolve("data"), noPosts);
      RunSettings settings =
          new RunSettings(
              base.dataDir(),
              base.bootstrapServers(),
              base.rules(),
              base.posts(),
              false,
              base.httpHost(),
              base.httpPort(),
              1,
              base.classifier(),
              Optional.of(sources),
              Optional.of(delivery));
      RunFixtures.Output out = new RunFixtures.Output();

      try (AllInOne all = AllInOne.start(settings, out.writer)) {
        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () ->
                    assertThat(TopicContents.keys(all.bootstrapServers(), Topics.ALERTS))
                        .hasSize(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> !desk.deliveries().isEmpty());
      }
      assertThat(desk.deliveries()).hasSize(1);
      assertThat(desk.refused()).isEmpty();
      assertThat(out.toString())
          .contains("Collecting: 1 sources from " + sources)
          .contains("Delivering alerts as set in " + delivery);
    }
  }
}

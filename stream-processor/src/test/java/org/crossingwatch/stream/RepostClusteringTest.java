package org.crossingwatch.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.stream.TelegramPosts.post;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.EntityLink;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.cluster.ClusterUpdater;
import org.crossingwatch.stream.cluster.RepostCluster;
import org.crossingwatch.stream.links.EntityLinks;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepostClusteringTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00Z");
  private static final String AD =
      "قارب إلى إيطاليا كل يوم جمعة\nالدفع عند الوصول، مكان مضمون\nاتصل +218 91 234 5678";

  @TempDir Path stateDir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rawPosts;
  private TestOutputTopic<String, String> alerts;
  private TestOutputTopic<String, String> entities;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void repostsWithReformattedPhoneEmojiHashtagAndMovedLineUpdateTheFirstAlert() {
    start(PipelineSettings.defaults());
    Post first = post("rihla_italia", "1", AD, T0);
    Post reformatted =
        post(
            "safar_libya",
            "77",
            "🚤 قارب إلى إيطاليا كل يوم جمعة #italia\nالدفع عند الوصول، مكان مضمون\n"
                + "اتصل 00218-912345678 https://t.me/rihla",
            T0.plusSeconds(60));
    Post movedLine =
        post(
            "harraga_dz",
            "5",
            "الدفع عند الوصول، مكان مضمون\nقارب إلى إيطاليا كل يوم جمعة\nاتصل +218912345678",
            T0.plusSeconds(120));

    pipe(first, reformatted, movedLine);

    String alertId = Alert.idFor(first.key());
    Alert raised = Alert.firstSighting(first, RepostTestClassifier.verdictFor(first));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(alertId, Json.write(raised)),
            KeyValue.pair(
                alertId,
                Json.write(
                    updated(
                        raised,
                        T0.plusSeconds(60),
                        2,
                        "telegram:rihla_italia",
                        "telegram:safar_libya"))),
            KeyValue.pair(
                alertId,
                Json.write(
                    updated(
                        raised,
                        T0.plusSeconds(120),
                        3,
                        "telegram:rihla_italia",
                        "telegram:safar_libya",
                        "telegram:harraga_dz"))));
    assertThat(count(PipelineMetrics.ALERTS_EMITTED)).isEqualTo(1.0);
    assertThat(count(PipelineMetrics.ALERTS_UPDATED)).isEqualTo(2.0);
  }

  @Test
  void repostWithOneWordChangedJoinsTheCluster() {
    start(PipelineSettings.defaults());
    Post first =
        post(
            "calais_uk",
            "1",
            "passage garanti vers l'Angleterre en camion, départ de Calais chaque nuit, "
                + "paiement à l'arrivée, contactez-nous vite",
            T0);
    Post edited =
        post(
            "dunkerque_uk",
            "2",
            "passage garanti vers l'Angleterre en camion, départ de Dunkerque chaque nuit, "
                + "paiement à l'arrivée, contactez-nous vite",
            T0.plusSeconds(30));

    pipe(first, edited);

    List<KeyValue<String, String>> out = alerts.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key).containsOnly(Alert.idFor(first.key()));
    Alert last = Json.read(out.get(out.size() - 1).value, Alert.class);
    assertThat(last.repostCount()).isEqualTo(2);
    assertThat(last.channels()).containsExactly("telegram:calais_uk", "telegram:dunkerque_uk");
  }

  @Test
  void unrelatedAdsWithTheSamePhoneAreLinkedButNotMerged() {
    start(PipelineSettings.defaults());
    Post boat = post("rihla_italia", "1", AD, T0);
    Post truck =
        post(
            "calais_uk",
            "9",
            "passage en camion vers Londres, 2500 euros, WhatsApp +218 91 234 5678 @passeur_uk",
            T0.plusSeconds(300));

    pipe(boat, truck);

    List<KeyValue<String, String>> raised = alerts.readKeyValuesToList();
    assertThat(raised)
        .extracting(kv -> kv.key)
        .containsExactly(Alert.idFor(boat.key()), Alert.idFor(truck.key()));
    assertThat(Json.read(raised.get(0).value, Alert.class).links()).isEmpty();
    // "This number appears in 2 alerts across 2 channels"; the handle is in this alert only.
    assertThat(Json.read(raised.get(1).value, Alert.class).links())
        .containsExactly(
            new EntityLink("phone:+218912345678", "PHONE", 2, 2, T0, T0.plusSeconds(300)));
    Map<String, String> latest = entities.readKeyValuesToMap();
    assertThat(latest.keySet())
        .containsExactlyInAnyOrder("phone:+218912345678", "handle:@passeur_uk");
    assertThat(Json.read(latest.get("phone:+218912345678"), EntityLinks.class))
        .isEqualTo(
            new EntityLinks(
                "phone:+218912345678",
                "PHONE",
                2,
                2,
                T0,
                T0.plusSeconds(300),
                List.of(Alert.idFor(boat.key()), Alert.idFor(truck.key())),
                List.of("telegram:rihla_italia", "telegram:calais_uk")));
  }

  @Test
  void identicalCopyCollectedEarlierButArrivingLaterJoinsTheFirstAlert() {
    start(PipelineSettings.defaults());
    Post first = post("rihla_italia", "1", AD, T0.plusSeconds(600));
    // Collected before the first copy reached the pipeline (a slow collector): by collectedAt it
    // would be the earliest candidate, yet it must not open a cluster of its own.
    Post slowCopy = post("safar_libya", "8", AD, T0);
    Post thirdCopy = post("harraga_dz", "3", AD, T0.plusSeconds(900));

    pipe(first, slowCopy, thirdCopy);

    String alertId = Alert.idFor(first.key());
    Alert raised = Alert.firstSighting(first, RepostTestClassifier.verdictFor(first));
    Alert withSlowCopy =
        new Alert(
            raised.schemaVersion(),
            alertId,
            raised.post(),
            raised.verdict(),
            T0,
            T0.plusSeconds(600),
            2,
            List.of("telegram:rihla_italia", "telegram:safar_libya"));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(alertId, Json.write(raised)),
            KeyValue.pair(alertId, Json.write(withSlowCopy)),
            KeyValue.pair(
                alertId,
                Json.write(
                    updated(
                        withSlowCopy,
                        T0.plusSeconds(900),
                        3,
                        "telegram:rihla_italia",
                        "telegram:safar_libya",
                        "telegram:harraga_dz"))));
    assertThat(count(PipelineMetrics.ALERTS_EMITTED)).isEqualTo(1.0);
    assertThat(count(PipelineMetrics.ALERTS_UPDATED)).isEqualTo(2.0);
  }

  @Test
  void postDeliveredTwiceCountsOnce() {
    start(PipelineSettings.defaults());
    Post first = post("rihla_italia", "1", AD, T0);

    pipe(first, first);

    assertThat(alerts.readKeyValuesToList()).hasSize(1);
  }

  @Test
  void busyClusterKeepsItsLatestPostKeysAndStillCountsARecentRedeliveryOnce() {
    start(PipelineSettings.defaults());
    int posts = ClusterUpdater.MEMBER_KEYS_KEPT + 40;
    Post last = null;
    for (int n = 0; n < posts; n++) {
      last = post("channel_" + (n % 7), Integer.toString(n), AD, T0.plusSeconds(n));
      pipe(last);
    }
    alerts.readKeyValuesToList();

    pipe(last);

    assertThat(alerts.readKeyValuesToList()).isEmpty();
    KeyValueStore<String, RepostCluster> clusters = driver.getKeyValueStore(ClusterUpdater.STORE);
    List<RepostCluster> stored = new ArrayList<>();
    clusters.all().forEachRemaining(entry -> stored.add(entry.value));
    assertThat(stored).hasSize(1);
    RepostCluster cluster = stored.get(0);
    assertThat(cluster.repostCount()).isEqualTo(posts);
    assertThat(cluster.memberKeys())
        .hasSize(ClusterUpdater.MEMBER_KEYS_KEPT)
        .startsWith("telegram:channel_5:40")
        .endsWith(last.key());
  }

  @Test
  void repostAfterTheRetentionOpensANewAlert() {
    start(PipelineSettings.defaults().withClusterRetention(Duration.ofHours(1)));
    Post first = post("rihla_italia", "1", AD, T0);
    Post unrelated = post("calais_uk", "3", "passage de nuit vers Douvres, places limitées", T0);
    Post lateRepost = post("safar_libya", "2", AD, T0);

    rawPosts.pipeInput(first.key(), json(first), T0);
    // Three hours of stream time later the first cluster has expired.
    rawPosts.pipeInput(unrelated.key(), json(unrelated), T0.plus(Duration.ofHours(3)));
    rawPosts.pipeInput(lateRepost.key(), json(lateRepost), T0.plus(Duration.ofHours(3)));

    assertThat(alerts.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly(
            Alert.idFor(first.key()), Alert.idFor(unrelated.key()), Alert.idFor(lateRepost.key()));
  }

  @Test
  void entityThatExpiresIsForgottenOnCwEntitiesWithATombstone() {
    start(PipelineSettings.defaults().withClusterRetention(Duration.ofHours(1)));
    Post boat = post("rihla_italia", "1", AD, T0);
    // Three hours of stream time later, another phone's sighting moves the entity step on.
    Post truck =
        post(
            "calais_uk",
            "9",
            "passage en camion vers Londres, WhatsApp +33 6 12 34 56 78",
            T0.plus(Duration.ofHours(3)));

    pipe(boat, truck);

    assertThat(entities.readKeyValuesToList())
        .extracting(kv -> kv.key + (kv.value == null ? " forgotten" : " linked"))
        .containsExactly(
            "phone:+218912345678 linked",
            // The purge runs as the later sighting moves stream time on, before it is linked.
            "phone:+218912345678 forgotten",
            "phone:+33612345678 linked");
    assertThat(count("crossingwatch.pipeline.entity.links")).isEqualTo(2.0);
  }

  private void start(PipelineSettings settings) {
    driver = RepostTestDriver.start(settings, registry, stateDir);
    rawPosts = RepostTestDriver.rawPosts(driver);
    alerts = RepostTestDriver.alerts(driver);
    entities =
        driver.createOutputTopic(
            Topics.ENTITIES, new StringDeserializer(), new StringDeserializer());
  }

  private void pipe(Post... posts) {
    for (Post post : posts) {
      rawPosts.pipeInput(post.key(), json(post), post.collectedAt());
    }
  }

  private static Alert updated(Alert alert, Instant lastSeen, int repostCount, String... channels) {
    return new Alert(
        alert.schemaVersion(),
        alert.alertId(),
        alert.post(),
        alert.verdict(),
        alert.firstSeen(),
        lastSeen,
        repostCount,
        List.of(channels));
  }

  private static byte[] json(Post post) {
    return Json.write(post).getBytes(UTF_8);
  }

  private double count(String name) {
    return registry.get(name).counter().count();
  }
}

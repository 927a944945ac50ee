package org.crossingwatch.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.stream.TelegramPosts.post;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.stream.cluster.AlertingPost;
import org.crossingwatch.stream.cluster.BandVote;
import org.crossingwatch.stream.cluster.ClusterSerdes;
import org.crossingwatch.stream.cluster.CopyDecision;
import org.crossingwatch.stream.cluster.Fingerprint;
import org.crossingwatch.stream.cluster.FingerprintLookup;
import org.crossingwatch.stream.cluster.FirstCopy;
import org.crossingwatch.stream.cluster.PendingVotes;
import org.crossingwatch.stream.cluster.VoteCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy fast path through the whole topology: once the vote store has decided the cluster of a
 * text's first post, the decision comes back to the fingerprint store and later identical copies go
 * from {@code repost-fingerprints} straight to {@code repost-clusters}.
 */
class CopyFastPathTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00Z");
  private static final String AD =
      "قارب إلى إيطاليا كل يوم جمعة\nالدفع عند الوصول، مكان مضمون\nاتصل +218 91 234 5678";
  private static final String INTERNAL = PipelineSettings.DEFAULT_APPLICATION_ID + "-";

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rawPosts;
  private TestOutputTopic<String, String> alerts;
  private TestOutputTopic<String, BandVote> votes;
  private TestOutputTopic<String, CopyDecision> decisions;
  private TestOutputTopic<String, AlertingPost> clustered;

  @BeforeEach
  void startDriver() {
    driver =
        RepostTestDriver.start(PipelineSettings.defaults(), new SimpleMeterRegistry(), stateDir);
    rawPosts = RepostTestDriver.rawPosts(driver);
    alerts = RepostTestDriver.alerts(driver);
    votes =
        driver.createOutputTopic(
            INTERNAL + "repost-votes-repartition",
            new StringDeserializer(),
            ClusterSerdes.bandVotes().deserializer());
    decisions =
        driver.createOutputTopic(
            INTERNAL + "repost-decisions-repartition",
            new StringDeserializer(),
            ClusterSerdes.copyDecisions().deserializer());
    clustered =
        driver.createOutputTopic(
            INTERNAL + "repost-clusters-repartition",
            new StringDeserializer(),
            ClusterSerdes.alertingPosts().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void copyAfterTheDecisionSkipsTheVoteStoreAndUpdatesTheFirstAlert() {
    Post first = post("rihla_italia", "1", AD, T0);
    // Another phone format, an emoji and a hashtag: the same exact fingerprint.
    Post copy =
        post(
            "safar_libya",
            "77",
            "🚤 قارب إلى إيطاليا كل يوم جمعة #italia\nالدفع عند الوصول، مكان مضمون\n"
                + "اتصل 00218-912345678",
            T0.plusSeconds(60));
    String fingerprint = Fingerprint.of(AD).exactKey();
    assertThat(Fingerprint.of(copy.text()).exactKey()).isEqualTo(fingerprint);

    pipe(first);

    assertThat(decisions.readKeyValuesToList())
        .containsExactly(KeyValue.pair(fingerprint, new CopyDecision(first.key(), first.key())));
    KeyValueStore<String, FirstCopy> fingerprints =
        driver.getKeyValueStore(FingerprintLookup.STORE);
    assertThat(fingerprints.get(fingerprint))
        .isEqualTo(new FirstCopy(first.key(), T0.toEpochMilli(), Optional.of(first.key())));
    KeyValueStore<String, PendingVotes> voteStore = driver.getKeyValueStore(VoteCollector.STORE);
    PendingVotes decided = voteStore.get(first.key());
    assertThat(decided.clusterId()).contains(first.key());
    assertThat(votes.readKeyValuesToList()).isNotEmpty();
    assertThat(clustered.readKeyValuesToList())
        .extracting(kv -> kv.key + " <- " + kv.value.postKey())
        .containsExactly(first.key() + " <- " + first.key());

    pipe(copy);

    assertThat(votes.readKeyValuesToList()).isEmpty();
    assertThat(voteStore.get(first.key())).isEqualTo(decided);
    assertThat(decisions.readKeyValuesToList()).isEmpty();
    assertThat(clustered.readKeyValuesToList())
        .extracting(kv -> kv.key + " <- " + kv.value.postKey())
        .containsExactly(first.key() + " <- " + copy.key());
    // A copy a minute later leaves the entry's touch time (FingerprintLookup#touchStep).
    assertThat(fingerprints.get(fingerprint))
        .isEqualTo(new FirstCopy(first.key(), T0.toEpochMilli(), Optional.of(first.key())));
    Alert raised = Alert.firstSighting(first, RepostTestClassifier.verdictFor(first));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(raised.alertId(), Json.write(raised)),
            KeyValue.pair(
                raised.alertId(),
                Json.write(
                    new Alert(
                        raised.schemaVersion(),
                        raised.alertId(),
                        raised.post(),
                        raised.verdict(),
                        T0,
                        T0.plusSeconds(60),
                        2,
                        List.of("telegram:rihla_italia", "telegram:safar_libya")))));
  }

  @Test
  void copyOfANearDuplicateGoesStraightToTheClusterTheNearDuplicateJoined() {
    Post first =
        post(
            "calais_uk",
            "1",
            "passage garanti vers l'Angleterre en camion, départ de Calais chaque nuit, "
                + "paiement à l'arrivée, contactez-nous vite",
            T0);
    String editedText =
        "passage garanti vers l'Angleterre en camion, départ de Dunkerque chaque nuit, "
            + "paiement à l'arrivée, contactez-nous vite";
    Post edited = post("dunkerque_uk", "2", editedText, T0.plusSeconds(30));
    Post copyOfEdited = post("manche_uk", "9", editedText, T0.plusSeconds(90));

    pipe(first, edited);

    assertThat(decisions.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                Fingerprint.of(first.text()).exactKey(),
                new CopyDecision(first.key(), first.key())),
            KeyValue.pair(
                Fingerprint.of(editedText).exactKey(),
                new CopyDecision(edited.key(), first.key())));
    votes.readKeyValuesToList();
    clustered.readKeyValuesToList();

    pipe(copyOfEdited);

    assertThat(votes.readKeyValuesToList()).isEmpty();
    assertThat(clustered.readKeyValuesToList())
        .extracting(kv -> kv.key + " <- " + kv.value.postKey())
        .containsExactly(first.key() + " <- " + copyOfEdited.key());
    List<KeyValue<String, String>> raised = alerts.readKeyValuesToList();
    assertThat(raised).extracting(kv -> kv.key).containsOnly(Alert.idFor(first.key()));
    Alert last = Json.read(raised.get(raised.size() - 1).value, Alert.class);
    assertThat(last.repostCount()).isEqualTo(3);
    assertThat(last.channels())
        .containsExactly("telegram:calais_uk", "telegram:dunkerque_uk", "telegram:manche_uk");
  }

  private void pipe(Post... posts) {
    for (Post post : posts) {
      rawPosts.pipeInput(post.key(), Json.write(post).getBytes(UTF_8), post.collectedAt());
    }
  }

  private static Post post(String channel, String id, String text, Instant collectedAt) {
    return TelegramPosts.post(channel, id, text, collectedAt);
  }
}

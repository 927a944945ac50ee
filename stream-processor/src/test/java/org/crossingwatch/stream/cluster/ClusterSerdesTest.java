package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ClusterSerdesTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00.123456789Z");
  private static final AlertingPost POST =
      new AlertingPost(
          "telegram:safar_libya:42",
          T0,
          "x-3f2a9c01d4e5b6a78c0d1e2f3a4b5c6d",
          MinHash.signature(Fingerprint.of("Лодка в Италию, место гарантировано").shingles()),
          "{\"post\":{\"text\":\"Лодка в Италию\"}}".getBytes(UTF_8),
          "telegram:safar_libya",
          entities("phone:+218912345678", "PHONE", "handle:@safar_libya", "HANDLE"));

  @Test
  void voteWithAPostSurvivesTheRoundTrip() {
    BandVote copy = BandVote.copyOf("telegram:rihla_italia:1", POST);

    BandVote read = roundTrip(ClusterSerdes.bandVotes(), copy);

    assertThat(read.kind()).isEqualTo(BandVote.Kind.COPY);
    assertThat(read.postKey()).isEqualTo("telegram:rihla_italia:1");
    assertThat(read.candidates()).isEmpty();
    assertSamePost(read.post().orElseThrow(), POST);
  }

  @Test
  void answerAndPendingVotesKeepTheirCandidatesInOrder() {
    List<Candidate> candidates =
        List.of(
            new Candidate("telegram:rihla_italia:1", T0),
            new Candidate("mastodon:harraga:7", T0.plusSeconds(60)));
    BandVote answer = BandVote.answer("telegram:safar_libya:42", 3, candidates);
    PendingVotes pending =
        new PendingVotes(2, 3, candidates, true, Optional.of("telegram:rihla_italia:1"), 99L);

    assertThat(roundTrip(ClusterSerdes.bandVotes(), answer)).isEqualTo(answer);
    assertThat(roundTrip(ClusterSerdes.pendingVotes(), pending)).isEqualTo(pending);
    assertThat(roundTrip(ClusterSerdes.pendingVotes(), PendingVotes.none()))
        .isEqualTo(PendingVotes.none());
  }

  @Test
  void waitingPostsKeepTheFirstPostAndTheCopiesInOrder() {
    AlertingPost copy =
        new AlertingPost(
            "telegram:safar_libya:43",
            T0.plusSeconds(5),
            POST.exactKey(),
            POST.signature(),
            POST.scoredPostJson(),
            POST.channel(),
            Map.of());
    WaitingPosts waiting =
        WaitingPosts.none().withFirst(POST, 10L).withCopy(copy, 20L).withCopy(POST, 15L);

    WaitingPosts read = roundTrip(ClusterSerdes.waitingPosts(), waiting);

    assertSamePost(read.first().orElseThrow(), POST);
    assertThat(read.copies())
        .extracting(AlertingPost::postKey)
        .containsExactly("telegram:safar_libya:43", "telegram:safar_libya:42");
    assertThat(read.touchedAt()).isEqualTo(20L);
  }

  @Test
  void firstCopyKeepsItsDecidedClusterAndDecisionsSurviveTheRoundTrip() {
    FirstCopy undecided = new FirstCopy("telegram:safar_libya:42", 5L);
    FirstCopy decided = new FirstCopy("telegram:safar_libya:42", 7L, Optional.of("واتساب:قارب:1"));
    CopyDecision decision = new CopyDecision("telegram:safar_libya:42", "واتساب:قارب:1");

    assertThat(roundTrip(ClusterSerdes.firstCopies(), undecided)).isEqualTo(undecided);
    assertThat(roundTrip(ClusterSerdes.firstCopies(), decided)).isEqualTo(decided);
    assertThat(roundTrip(ClusterSerdes.copyDecisions(), decision)).isEqualTo(decision);
  }

  @Test
  void valueInAnotherFormatIsRejectedNamingTheType() {
    byte[] json = "{\"postKey\":\"telegram:safar_libya:42\"}".getBytes(UTF_8);

    assertThatThrownBy(() -> ClusterSerdes.firstCopies().deserializer().deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Unreadable FirstCopy: format byte 123, expected 3 (written by another version?)");
  }

  @Test
  void bandProbesKeepKeysOutsideTheBasicPlaneAndEveryInt() {
    BandProbes probes =
        new BandProbes(
            "telegram:رحلة_🚤_ايطاليا:9", T0, POST.signature(), new int[] {3, 7, 11, 15}, 2, 4);

    BandProbes read = roundTrip(ClusterSerdes.bandProbes(), probes);

    assertThat(read.postKey()).isEqualTo("telegram:رحلة_🚤_ايطاليا:9");
    assertThat(read.collectedAt()).isEqualTo(T0);
    assertThat(read.signature()).containsExactly(POST.signature());
    assertThat(read.bands()).containsExactly(3, 7, 11, 15);
    assertThat(read.group()).isEqualTo(2);
    assertThat(read.groupCount()).isEqualTo(4);
  }

  @Test
  void repostClusterKeepsItsFirstPostBytesAndItsListsInOrder() {
    RepostCluster cluster =
        new RepostCluster(
            POST.scoredPostJson(),
            T0,
            T0.plusSeconds(3600),
            3,
            List.of("telegram:safar_libya", "mastodon:harraga"),
            List.of("telegram:safar_libya:42", "mastodon:harraga:7", "telegram:safar_libya:43"),
            77L);

    RepostCluster read = roundTrip(ClusterSerdes.repostClusters(), cluster);

    assertThat(read.firstPostJson()).containsExactly(POST.scoredPostJson());
    assertThat(read).usingRecursiveComparison().ignoringFields("firstPostJson").isEqualTo(cluster);
  }

  @Test
  void valueCutShortIsRejectedNamingTheType() {
    byte[] whole =
        ClusterSerdes.firstCopies()
            .serializer()
            .serialize("t", new FirstCopy("telegram:safar_libya:42", 5L));
    byte[] cut = java.util.Arrays.copyOf(whole, 6);

    assertThatThrownBy(() -> ClusterSerdes.firstCopies().deserializer().deserialize("t", cut))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Unreadable FirstCopy: java.lang.IllegalArgumentException: length 23 does not fit the 1"
                + " bytes left");
  }

  @Test
  void alertingPostKeepsItsChannelAndItsEntitiesInTextOrder() {
    AlertingPost read = roundTrip(ClusterSerdes.alertingPosts(), POST);

    assertSamePost(read, POST);
    assertThat(read.channel()).isEqualTo("telegram:safar_libya");
    assertThat(read.entities())
        .containsExactly(
            entry("phone:+218912345678", "PHONE"), entry("handle:@safar_libya", "HANDLE"));
  }

  private static Map<String, String> entities(String... keysAndTypes) {
    Map<String, String> entities = new LinkedHashMap<>();
    for (int i = 0; i < keysAndTypes.length; i += 2) {
      entities.put(keysAndTypes[i], keysAndTypes[i + 1]);
    }
    return entities;
  }

  private static void assertSamePost(AlertingPost read, AlertingPost expected) {
    assertThat(read.postKey()).isEqualTo(expected.postKey());
    assertThat(read.collectedAt()).isEqualTo(expected.collectedAt());
    assertThat(read.exactKey()).isEqualTo(expected.exactKey());
    assertThat(read.signature()).containsExactly(expected.signature());
    assertThat(read.scoredPostJson()).containsExactly(expected.scoredPostJson());
    assertThat(read.channel()).isEqualTo(expected.channel());
    assertThat(read.entities()).containsExactlyEntriesOf(expected.entities());
  }

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }
}

package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
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
          "{\"post\":{\"text\":\"Лодка в Италию\"}}".getBytes(UTF_8));

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
            POST.scoredPostJson());
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
  void valueInAnotherFormatIsRejectedNamingTheType() {
    byte[] json = "{\"postKey\":\"telegram:safar_libya:42\"}".getBytes(UTF_8);

    assertThatThrownBy(() -> ClusterSerdes.firstCopies().deserializer().deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Unreadable FirstCopy: format byte 123, expected 1 (written by another version?)");
  }

  private static void assertSamePost(AlertingPost read, AlertingPost expected) {
    assertThat(read.postKey()).isEqualTo(expected.postKey());
    assertThat(read.collectedAt()).isEqualTo(expected.collectedAt());
    assertThat(read.exactKey()).isEqualTo(expected.exactKey());
    assertThat(read.signature()).containsExactly(expected.signature());
    assertThat(read.scoredPostJson()).containsExactly(expected.scoredPostJson());
  }

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }
}

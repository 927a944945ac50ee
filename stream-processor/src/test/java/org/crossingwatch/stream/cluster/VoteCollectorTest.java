package org.crossingwatch.stream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vote store's decision, the copies that raced it, and the decision sent back. */
class VoteCollectorTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00Z");
  private static final String TEXT = "passage garanti vers l'Angleterre en camion chaque nuit";
  private static final String FINGERPRINT = Fingerprint.of(TEXT).exactKey();
  private static final String FIRST = "telegram:calais_uk:1";

  private final MockProcessorContext<String, VoteResult> context = new MockProcessorContext<>();
  private final Processor<String, BandVote, String, VoteResult> collector =
      VoteCollector.supplier(Duration.ofDays(7)).get();

  @BeforeEach
  void initCollector() {
    KeyValueStore<String, PendingVotes> votes =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(VoteCollector.STORE),
                Serdes.String(),
                ClusterSerdes.pendingVotes())
            .withLoggingDisabled()
            .build();
    KeyValueStore<String, WaitingPosts> waiting =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(VoteCollector.WAITING_STORE),
                Serdes.String(),
                ClusterSerdes.waitingPosts())
            .withLoggingDisabled()
            .build();
    votes.init(context.getStateStoreContext(), votes);
    waiting.init(context.getStateStoreContext(), waiting);
    context.addStateStore(votes);
    context.addStateStore(waiting);
    collector.init(context);
  }

  @Test
  void decisionSendsTheWaitingCopiesToTheClusterAndTheDecisionBackToTheFingerprint() {
    AlertingPost first = post(FIRST, 0);
    vote(BandVote.first(first));
    vote(BandVote.copyOf(FIRST, post("telegram:dunkerque_uk:2", 10)));
    vote(
        BandVote.answer(
            FIRST, 1, List.of(new Candidate("mastodon:manche:5", T0.minusSeconds(60)))));
    // A copy the fingerprint store sent before it learnt the decision.
    vote(BandVote.copyOf(FIRST, post("telegram:manche_uk:3", 20)));

    assertThat(forwarded())
        .containsExactly(
            "mastodon:manche:5 <- telegram:calais_uk:1",
            "mastodon:manche:5 <- telegram:dunkerque_uk:2",
            FINGERPRINT + " <- decided telegram:calais_uk:1 in mastodon:manche:5",
            "mastodon:manche:5 <- telegram:manche_uk:3");
  }

  @Test
  void firstPostDeliveredAgainAfterItsFingerprintExpiredSendsTheDecisionAgain() {
    vote(BandVote.first(post(FIRST, 0)));
    vote(BandVote.answer(FIRST, 1, List.of()));
    context.resetForwards();

    vote(BandVote.first(post(FIRST, 0)));

    assertThat(forwarded())
        .containsExactly(
            "telegram:calais_uk:1 <- telegram:calais_uk:1",
            FINGERPRINT + " <- decided telegram:calais_uk:1 in telegram:calais_uk:1");
  }

  private void vote(BandVote vote) {
    collector.process(new Record<>(vote.postKey(), vote, T0.toEpochMilli()));
  }

  private List<String> forwarded() {
    return context.forwarded().stream()
        .map(
            captured -> {
              VoteResult result = captured.record().value();
              String what =
                  result
                      .post()
                      .map(AlertingPost::postKey)
                      .orElseGet(
                          () ->
                              "decided "
                                  + result.decision().get().firstPostKey()
                                  + " in "
                                  + result.decision().get().clusterId());
              return captured.record().key() + " <- " + what;
            })
        .toList();
  }

  private static AlertingPost post(String key, int seconds) {
    return TestAlertingPosts.of(TEXT, key, T0.plusSeconds(seconds));
  }
}

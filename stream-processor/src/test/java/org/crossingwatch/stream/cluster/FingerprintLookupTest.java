package org.crossingwatch.stream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint store and the decisions fed back to it, racing the copies: what each copy is sent
 * on as, keyed how.
 */
class FingerprintLookupTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00Z");
  private static final String TEXT = "Лодка в Италию каждую пятницу, место гарантировано";
  private static final String FINGERPRINT = Fingerprint.of(TEXT).exactKey();

  private final MockProcessorContext<String, FingerprintMatch> lookupContext =
      new MockProcessorContext<>();
  private final MockProcessorContext<Void, Void> recorderContext = new MockProcessorContext<>();
  private final Processor<String, AlertingPost, String, FingerprintMatch> lookup =
      FingerprintLookup.supplier(Duration.ofDays(7)).get();
  private final Processor<String, CopyDecision, Void, Void> recorder =
      CopyDecisionRecorder.supplier().get();
  private KeyValueStore<String, FirstCopy> store;

  @BeforeEach
  void initProcessors() {
    store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(FingerprintLookup.STORE),
                Serdes.String(),
                ClusterSerdes.firstCopies())
            .withLoggingDisabled()
            .build();
    store.init(lookupContext.getStateStoreContext(), store);
    lookupContext.addStateStore(store);
    recorderContext.addStateStore(store);
    lookup.init(lookupContext);
    recorder.init(recorderContext);
  }

  @Test
  void copiesBeforeTheDecisionWaitAtTheFirstPostAndCopiesAfterItGoToTheCluster() {
    look(post("telegram:rihla_italia:1", 0));
    look(post("telegram:safar_libya:2", 10));
    decide(new CopyDecision("telegram:rihla_italia:1", "telegram:misrata_boats:7"));
    look(post("telegram:harraga_dz:3", 20));

    assertThat(forwarded())
        .containsExactly(
            "telegram:rihla_italia:1 first",
            "telegram:rihla_italia:1 copy of telegram:rihla_italia:1, cluster unknown",
            "telegram:misrata_boats:7 copy of telegram:rihla_italia:1 in telegram:misrata_boats:7");
    assertThat(store.get(FINGERPRINT))
        .isEqualTo(
            new FirstCopy(
                "telegram:rihla_italia:1",
                T0.toEpochMilli(),
                Optional.of("telegram:misrata_boats:7")));
  }

  @Test
  void decisionForAnotherFirstPostOfTheFingerprintIsIgnored() {
    // The fingerprint expired after rihla_italia:1 and was seen first again with safar_libya:2;
    // the late decision for the old first post must not send the new one's copies anywhere.
    look(post("telegram:safar_libya:2", 0));
    decide(new CopyDecision("telegram:rihla_italia:1", "telegram:rihla_italia:1"));
    look(post("telegram:harraga_dz:3", 10));

    assertThat(forwarded())
        .containsExactly(
            "telegram:safar_libya:2 first",
            "telegram:safar_libya:2 copy of telegram:safar_libya:2, cluster unknown");
    assertThat(store.get(FINGERPRINT))
        .isEqualTo(new FirstCopy("telegram:safar_libya:2", T0.toEpochMilli()));
  }

  @Test
  void copiesWithinTheTouchStepLeaveTheEntryAsItIsAndALaterCopyMovesItsTouchTime() {
    look(post("telegram:rihla_italia:1", 0));
    look(post("telegram:safar_libya:2", 60));
    look(post("telegram:harraga_dz:3", 2 * 3600));

    // Retention 7 days: the step is 2 h 37 min 30 s.
    assertThat(store.get(FINGERPRINT))
        .isEqualTo(new FirstCopy("telegram:rihla_italia:1", T0.toEpochMilli()));

    look(post("telegram:misrata_boats:7", 3 * 3600));

    assertThat(store.get(FINGERPRINT))
        .isEqualTo(
            new FirstCopy("telegram:rihla_italia:1", T0.plusSeconds(3 * 3600).toEpochMilli()));
  }

  @Test
  void entryLivesAtLeastTheRetentionAfterItsLastCopyThoughThatCopyDidNotRewriteIt() {
    look(post("telegram:rihla_italia:1", 0));
    look(post("telegram:safar_libya:2", 3600));
    Punctuator purge = lookupContext.scheduledPunctuators().get(0).getPunctuator();

    // Seven days and 30 minutes after the last copy, the entry is still there.
    purge.punctuate(T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(90)).toEpochMilli());
    assertThat(store.get(FINGERPRINT))
        .isEqualTo(new FirstCopy("telegram:rihla_italia:1", T0.toEpochMilli()));

    // The retention plus the step after the stored touch time, it is gone.
    purge.punctuate(T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(158)).toEpochMilli());
    assertThat(store.get(FINGERPRINT)).isNull();
  }

  @Test
  void decisionForAnExpiredFingerprintMakesNoEntry() {
    decide(new CopyDecision("telegram:rihla_italia:1", "telegram:rihla_italia:1"));

    assertThat(store.approximateNumEntries()).isZero();
    assertThat(store.get(FINGERPRINT)).isNull();
  }

  @Test
  void laterDecisionDoesNotReplaceTheFirstOne() {
    look(post("telegram:rihla_italia:1", 0));
    decide(new CopyDecision("telegram:rihla_italia:1", "telegram:rihla_italia:1"));
    // The post delivered again after the vote store expired would be decided anew; the copies
    // already sent to the first cluster keep their company.
    decide(new CopyDecision("telegram:rihla_italia:1", "telegram:misrata_boats:7"));

    assertThat(store.get(FINGERPRINT).clusterId()).contains("telegram:rihla_italia:1");
  }

  private void look(AlertingPost post) {
    lookup.process(new Record<>(FINGERPRINT, post, post.collectedAt().toEpochMilli()));
  }

  private void decide(CopyDecision decision) {
    recorder.process(new Record<>(FINGERPRINT, decision, T0.toEpochMilli()));
  }

  private List<String> forwarded() {
    return lookupContext.forwarded().stream()
        .map(
            captured -> {
              FingerprintMatch match = captured.record().value();
              String what =
                  match.firstCopy().isEmpty()
                      ? "first"
                      : "copy of "
                          + match.firstCopy().get()
                          + match.clusterId().map(id -> " in " + id).orElse(", cluster unknown");
              return captured.record().key() + " " + what;
            })
        .toList();
  }

  private static AlertingPost post(String key, int seconds) {
    return TestAlertingPosts.of(TEXT, key, T0.plusSeconds(seconds));
  }
}

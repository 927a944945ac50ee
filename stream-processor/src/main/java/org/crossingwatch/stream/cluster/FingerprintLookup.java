package org.crossingwatch.stream.cluster;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by exact fingerprint ({@link Fingerprint#exactKey()}): the first post with a fingerprint is
 * remembered and goes on to the band lookup; every later post with it (an identical copy, or the
 * same post delivered again) is named a copy of that first post, whatever its {@code collectedAt}
 * and however the copies race through the band partitions. All copies of one text meet in one
 * partition and are handled one after the other, so this answer is authoritative. Forwards keyed by
 * the post's key when first. A copy is forwarded keyed by the first post's cluster id when the
 * store already holds that post's {@link CopyDecision} (recorded by {@link CopyDecisionRecorder}),
 * so it skips the vote store; otherwise keyed by the first post's key, to wait for the decision
 * there.
 *
 * <p>A copy rewrites the entry's touch time only when it is at least {@link #touchStep} (a 64th of
 * the retention) past the stored one, and entries expire that much later than the retention: a
 * burst of copies of one ad costs one store write, not one per copy, and an entry still lives at
 * least the retention after its last copy.
 */
public final class FingerprintLookup
    implements Processor<String, AlertingPost, String, FingerprintMatch> {
  /** The fingerprint store's name. */
  public static final String STORE = "repost-fingerprint-store";

  private final Duration retention;
  private final long touchStepMillis;
  private ProcessorContext<String, FingerprintMatch> context;
  private KeyValueStore<String, FirstCopy> firstCopies;

  private FingerprintLookup(Duration retention) {
    this.retention = retention;
    this.touchStepMillis = touchStep(retention).toMillis();
  }

  /** Lookups over the store {@value #STORE}. */
  public static ProcessorSupplier<String, AlertingPost, String, FingerprintMatch> supplier(
      Duration retention) {
    return () -> new FingerprintLookup(retention);
  }

  @Override
  public void init(ProcessorContext<String, FingerprintMatch> context) {
    this.context = context;
    this.firstCopies = context.getStateStore(STORE);
    Expiry.schedule(
        context, firstCopies, retention.plus(touchStep(retention)), FirstCopy::touchedAt);
  }

  /**
   * How far past an entry's stored touch time a copy must be to rewrite it: a 64th of the retention
   * (2 h 37 min of the default 7 days).
   */
  static Duration touchStep(Duration retention) {
    return retention.dividedBy(64);
  }

  @Override
  public void process(Record<String, AlertingPost> record) {
    AlertingPost post = record.value();
    String postKey = post.postKey();
    FirstCopy first = firstCopies.get(record.key());
    if (first == null) {
      firstCopies.put(record.key(), new FirstCopy(postKey, record.timestamp()));
      // Re-key from fingerprint to post key, the key the band probes answer to.
      context.forward(record.withKey(postKey).withValue(FingerprintMatch.first(post)));
      return;
    }
    if (record.timestamp() - first.touchedAt() >= touchStepMillis) {
      firstCopies.put(record.key(), first.touched(record.timestamp()));
    }
    // Re-key from fingerprint to the cluster id when decided (the copy joins it at once), else to
    // the first copy's key (the copy waits for that post's cluster in the vote store).
    context.forward(
        record
            .withKey(first.clusterId().orElse(first.postKey()))
            .withValue(FingerprintMatch.copyOf(first.postKey(), first.clusterId(), post)));
  }
}

package org.crossingwatch.stream.cluster;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by exact fingerprint, on the fingerprint store {@value FingerprintLookup#STORE}: records
 * the cluster the vote store decided for a fingerprint's first post, so that {@link
 * FingerprintLookup} sends later copies straight to it. A decision is taken only while the store
 * still names the post it was made for: after the fingerprint expired it changes nothing (no entry
 * is made for it), and a fingerprint that expired and was first seen again with another post keeps
 * waiting for that post's own decision. Taking a decision never changes where a copy ends, only how
 * fast: the vote store keeps the same decision for the copies that still come its way. Forwards
 * nothing.
 */
public final class CopyDecisionRecorder implements Processor<String, CopyDecision, Void, Void> {
  private KeyValueStore<String, FirstCopy> firstCopies;

  private CopyDecisionRecorder() {}

  /** Recorders over the store {@value FingerprintLookup#STORE}. */
  public static ProcessorSupplier<String, CopyDecision, Void, Void> supplier() {
    return CopyDecisionRecorder::new;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    // FingerprintLookup, in the same task, expires the store.
    this.firstCopies = context.getStateStore(FingerprintLookup.STORE);
  }

  @Override
  public void process(Record<String, CopyDecision> record) {
    CopyDecision decision = record.value();
    FirstCopy first = firstCopies.get(record.key());
    if (first != null
        && first.clusterId().isEmpty()
        && first.postKey().equals(decision.firstPostKey())) {
      firstCopies.put(record.key(), first.decided(decision.clusterId()));
    }
  }
}

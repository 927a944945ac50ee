package org.crossingwatch.stream.cluster;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by band: answers each probe with the first post seen with that band when the two signatures
 * are similar enough, and remembers the prober when the band is new. The answer is re-keyed by the
 * prober's post key.
 */
public final class BandLookup implements Processor<String, BandProbe, String, BandVote> {
  /** The band store's name. */
  public static final String STORE = "repost-band-store";

  private final Duration retention;
  private final double similarity;
  private ProcessorContext<String, BandVote> context;
  private KeyValueStore<String, BandEntry> bands;

  private BandLookup(Duration retention, double similarity) {
    this.retention = retention;
    this.similarity = similarity;
  }

  /** Lookups over the store {@value #STORE}. */
  public static ProcessorSupplier<String, BandProbe, String, BandVote> supplier(
      Duration retention, double similarity) {
    return () -> new BandLookup(retention, similarity);
  }

  @Override
  public void init(ProcessorContext<String, BandVote> context) {
    this.context = context;
    this.bands = context.getStateStore(STORE);
    Expiry.schedule(context, bands, retention, BandEntry::touchedAt);
  }

  @Override
  public void process(Record<String, BandProbe> record) {
    BandProbe probe = record.value();
    BandEntry first = bands.get(record.key());
    Optional<Candidate> candidate = Optional.empty();
    if (first == null || first.postKey().equals(probe.postKey())) {
      bands.put(
          record.key(),
          new BandEntry(
              probe.postKey(), probe.collectedAt(), probe.signature(), record.timestamp()));
    } else if (MinHash.similarity(first.signature(), probe.signature()) >= similarity) {
      candidate = Optional.of(new Candidate(first.postKey(), first.collectedAt()));
      bands.put(
          record.key(),
          new BandEntry(
              first.postKey(),
              first.collectedAt(),
              first.signature(),
              Math.max(first.touchedAt(), record.timestamp())));
    }
    // Re-key from band to post key: the answers of all bands meet at the post.
    context.forward(
        record
            .withKey(probe.postKey())
            .withValue(
                BandVote.answer(
                    probe.postKey(), probe.bandCount(), candidate, probe.scoredPost())));
  }
}

package org.crossingwatch.stream.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One partition of the band store: for each band of a probe record, answers with the first post
 * seen with that band when the two signatures are similar enough, and remembers the prober when the
 * band is new. One answer per probe record (the candidates of all its bands), re-keyed by the
 * prober's post key.
 */
public final class BandLookup implements Processor<String, BandProbes, String, BandVote> {
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
  public static ProcessorSupplier<String, BandProbes, String, BandVote> supplier(
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
  public void process(Record<String, BandProbes> record) {
    BandProbes probes = record.value();
    List<Candidate> candidates = new ArrayList<>();
    for (int band : probes.bands()) {
      String bandKey = MinHash.bandKey(probes.signature(), band);
      BandEntry first = bands.get(bandKey);
      if (first == null || first.postKey().equals(probes.postKey())) {
        bands.put(
            bandKey,
            new BandEntry(
                probes.postKey(), probes.collectedAt(), probes.signature(), record.timestamp()));
      } else if (MinHash.similarity(first.signature(), probes.signature()) >= similarity) {
        candidates.add(new Candidate(first.postKey(), first.collectedAt()));
        bands.put(
            bandKey,
            new BandEntry(
                first.postKey(),
                first.collectedAt(),
                first.signature(),
                Math.max(first.touchedAt(), record.timestamp())));
      }
    }
    // Re-key from band partition to post key: the answers of all partitions meet at the post.
    context.forward(
        record
            .withKey(probes.postKey())
            .withValue(BandVote.answer(probes.postKey(), probes.groupCount(), candidates)));
  }
}

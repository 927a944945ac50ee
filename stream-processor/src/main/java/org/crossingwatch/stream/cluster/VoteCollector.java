package org.crossingwatch.stream.cluster;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.crossingwatch.model.ScoredPost;

/**
 * Keyed by post: waits for every band's answer, then sends the post on keyed by its cluster id, the
 * earliest of the post itself and the candidates the bands named ({@link Candidate#EARLIEST}).
 * Because the choice only depends on the answers, two near-duplicates racing through different
 * partitions pick the same cluster whenever they saw each other. The decision is kept (until it
 * expires): identical copies of the post ({@link BandVote#copy()}) follow it to the same cluster,
 * those that arrived before the decision as soon as it is made.
 */
public final class VoteCollector implements Processor<String, BandVote, String, ScoredPost> {
  /** The vote store's name. */
  public static final String STORE = "repost-vote-store";

  private final Duration retention;
  private ProcessorContext<String, ScoredPost> context;
  private KeyValueStore<String, PendingVotes> votes;

  private VoteCollector(Duration retention) {
    this.retention = retention;
  }

  /** Collectors over the store {@value #STORE}. */
  public static ProcessorSupplier<String, BandVote, String, ScoredPost> supplier(
      Duration retention) {
    return () -> new VoteCollector(retention);
  }

  @Override
  public void init(ProcessorContext<String, ScoredPost> context) {
    this.context = context;
    this.votes = context.getStateStore(STORE);
    Expiry.schedule(context, votes, retention, PendingVotes::touchedAt);
  }

  @Override
  public void process(Record<String, BandVote> record) {
    BandVote vote = record.value();
    PendingVotes stored = votes.get(record.key());
    PendingVotes pending = stored == null ? PendingVotes.none() : stored;
    if (pending.clusterId().isPresent()) {
      // Decided: a copy joins the same cluster at once; a band answer can only come from the
      // post delivered again after its fingerprint expired, and it goes where it went before.
      String cluster = pending.clusterId().get();
      votes.put(record.key(), pending.touched(record.timestamp()));
      vote.copy().or(vote::scoredPost).ifPresent(post -> forward(record, cluster, post));
      return;
    }
    if (vote.copy().isPresent()) {
      votes.put(record.key(), pending.withCopy(vote.copy().get(), record.timestamp()));
      return;
    }
    PendingVotes updated = pending.with(vote, record.timestamp());
    if (updated.received() < vote.bandCount() || updated.scoredPost().isEmpty()) {
      votes.put(record.key(), updated);
      return;
    }
    ScoredPost post = updated.scoredPost().get();
    Candidate cluster =
        updated.candidates().stream()
            .reduce(
                new Candidate(post.post().key(), post.post().collectedAt()),
                (a, b) -> Candidate.EARLIEST.compare(a, b) <= 0 ? a : b);
    votes.put(record.key(), updated.decided(cluster.postKey()));
    forward(record, cluster.postKey(), post);
    updated.copies().forEach(copy -> forward(record, cluster.postKey(), copy));
  }

  private void forward(Record<String, BandVote> record, String clusterId, ScoredPost post) {
    // Re-key from post key to cluster id: every post of a cluster meets in one partition.
    context.forward(record.withKey(clusterId).withValue(post));
  }
}

package org.crossingwatch.stream.cluster;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by post: waits for every band partition's answer and for the post itself, then sends the
 * post on keyed by its cluster id, the earliest of the post itself and the candidates the bands
 * named ({@link Candidate#EARLIEST}). Because the choice only depends on the answers, two
 * near-duplicates racing through different partitions pick the same cluster whenever they saw each
 * other. The decision is kept (until it expires): identical copies of the post ({@link
 * BandVote.Kind#COPY}) follow it to the same cluster, those that arrived before the decision as
 * soon as it is made. The decision also goes back to the fingerprint store as a {@link
 * CopyDecision} keyed by the post's exact fingerprint, in the same transaction as the post's own
 * record to its cluster, so that later copies skip this store.
 *
 * <p>Answers only touch the small {@link PendingVotes} of store {@value #STORE}; the posts wait
 * once, in store {@value #WAITING_STORE}, and leave it at the decision.
 */
public final class VoteCollector implements Processor<String, BandVote, String, VoteResult> {
  /** The vote store's name. */
  public static final String STORE = "repost-vote-store";

  /** The waiting-post store's name. */
  public static final String WAITING_STORE = "repost-waiting-post-store";

  private final Duration retention;
  private ProcessorContext<String, VoteResult> context;
  private KeyValueStore<String, PendingVotes> votes;
  private KeyValueStore<String, WaitingPosts> waiting;

  private VoteCollector(Duration retention) {
    this.retention = retention;
  }

  /** Collectors over the stores {@value #STORE} and {@value #WAITING_STORE}. */
  public static ProcessorSupplier<String, BandVote, String, VoteResult> supplier(
      Duration retention) {
    return () -> new VoteCollector(retention);
  }

  @Override
  public void init(ProcessorContext<String, VoteResult> context) {
    this.context = context;
    this.votes = context.getStateStore(STORE);
    this.waiting = context.getStateStore(WAITING_STORE);
    Expiry.schedule(context, votes, retention, PendingVotes::touchedAt);
    Expiry.schedule(context, waiting, retention, WaitingPosts::touchedAt);
  }

  @Override
  public void process(Record<String, BandVote> record) {
    BandVote vote = record.value();
    PendingVotes stored = votes.get(record.key());
    PendingVotes pending = stored == null ? PendingVotes.none() : stored;
    if (pending.clusterId().isPresent()) {
      // Decided: a copy joins the same cluster at once; the post itself (or a band answer) can
      // only come again when it was delivered again after its fingerprint expired, and it goes
      // where it went before, and its fingerprint (remembered anew) learns the decision again.
      String cluster = pending.clusterId().get();
      votes.put(record.key(), pending.touched(record.timestamp()));
      vote.post().ifPresent(post -> forward(record, cluster, post));
      if (vote.kind() == BandVote.Kind.POST) {
        sendDecision(record, vote.post().get(), cluster);
      }
      return;
    }
    WaitingPosts posts = null;
    switch (vote.kind()) {
      case ANSWER -> pending = pending.withAnswer(vote, record.timestamp());
      case POST -> {
        pending = pending.withPost(record.timestamp());
        posts = waitingFor(record.key()).withFirst(vote.post().get(), record.timestamp());
      }
      case COPY -> {
        waiting.put(
            record.key(), waitingFor(record.key()).withCopy(vote.post().get(), record.timestamp()));
        return;
      }
    }
    if (!pending.ready()) {
      votes.put(record.key(), pending);
      if (posts != null) {
        waiting.put(record.key(), posts);
      }
      return;
    }
    posts = posts == null ? waitingFor(record.key()) : posts;
    AlertingPost first = posts.first().orElseThrow();
    Candidate cluster =
        pending.candidates().stream()
            .reduce(first.asCandidate(), (a, b) -> Candidate.EARLIEST.compare(a, b) <= 0 ? a : b);
    votes.put(record.key(), pending.decided(cluster.postKey()));
    waiting.delete(record.key());
    forward(record, cluster.postKey(), first);
    posts.copies().forEach(copy -> forward(record, cluster.postKey(), copy));
    sendDecision(record, first, cluster.postKey());
  }

  private WaitingPosts waitingFor(String postKey) {
    WaitingPosts posts = waiting.get(postKey);
    return posts == null ? WaitingPosts.none() : posts;
  }

  private void forward(Record<String, BandVote> record, String clusterId, AlertingPost post) {
    // Re-key from post key to cluster id: every post of a cluster meets in one partition.
    context.forward(record.withKey(clusterId).withValue(VoteResult.joining(post)));
  }

  private void sendDecision(Record<String, BandVote> record, AlertingPost first, String clusterId) {
    // Re-key from post key to exact fingerprint: the decision goes back to the fingerprint store.
    context.forward(
        record
            .withKey(first.exactKey())
            .withValue(VoteResult.decided(new CopyDecision(first.postKey(), clusterId))));
  }
}

package org.crossingwatch.stream.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.ScoredPost;

/**
 * Keyed by cluster id: the first post of a cluster raises {@link Alert#firstSighting}; each later
 * post updates that alert (same id, repost count plus one, its channel added, first and last seen
 * widened) instead of raising a new one. A post already in the cluster (delivered twice by a
 * collector that restarted) changes nothing and publishes nothing.
 */
public final class ClusterUpdater implements Processor<String, AlertingPost, String, AlertUpdate> {
  /** The cluster store's name. */
  public static final String STORE = "repost-cluster-store";

  private final Duration retention;
  private ProcessorContext<String, AlertUpdate> context;
  private KeyValueStore<String, RepostCluster> clusters;

  private ClusterUpdater(Duration retention) {
    this.retention = retention;
  }

  /** Updaters over the store {@value #STORE}. */
  public static ProcessorSupplier<String, AlertingPost, String, AlertUpdate> supplier(
      Duration retention) {
    return () -> new ClusterUpdater(retention);
  }

  @Override
  public void init(ProcessorContext<String, AlertUpdate> context) {
    this.context = context;
    this.clusters = context.getStateStore(STORE);
    Expiry.schedule(context, clusters, retention, RepostCluster::touchedAt);
  }

  @Override
  public void process(Record<String, AlertingPost> record) {
    RepostCluster cluster = clusters.get(record.key());
    if (cluster != null && cluster.memberKeys().contains(record.value().postKey())) {
      return;
    }
    ScoredPost scored = record.value().scoredPost();
    Post post = scored.post();
    if (cluster == null) {
      Alert alert = Alert.firstSighting(post, scored.verdict());
      clusters.put(record.key(), new RepostCluster(alert, List.of(post.key()), record.timestamp()));
      context.forward(record.withValue(new AlertUpdate(alert, scored, false)));
      return;
    }
    Alert updated = withRepost(cluster.alert(), post);
    List<String> members = new ArrayList<>(cluster.memberKeys());
    members.add(post.key());
    clusters.put(
        record.key(),
        new RepostCluster(updated, members, Math.max(cluster.touchedAt(), record.timestamp())));
    context.forward(record.withValue(new AlertUpdate(updated, scored, true)));
  }

  /** The alert once {@code repost} joined its cluster. */
  static Alert withRepost(Alert alert, Post repost) {
    List<String> channels = new ArrayList<>(alert.channels());
    String source = repost.platform() + ":" + repost.channel();
    if (!channels.contains(source)) {
      channels.add(source);
    }
    Instant seen = repost.collectedAt();
    return new Alert(
        alert.schemaVersion(),
        alert.alertId(),
        alert.post(),
        alert.verdict(),
        seen.isBefore(alert.firstSeen()) ? seen : alert.firstSeen(),
        seen.isAfter(alert.lastSeen()) ? seen : alert.lastSeen(),
        alert.repostCount() + 1,
        channels);
  }
}

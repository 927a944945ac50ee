package org.crossingwatch.stream.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.SchemaVersion;
import org.crossingwatch.model.ScoredPost;

/**
 * Keyed by cluster id: the first post of a cluster raises {@link Alert#firstSighting}; each later
 * post updates that alert (same id, repost count plus one, its channel added, first and last seen
 * widened) instead of raising a new one. A post among the cluster's latest {@value
 * #MEMBER_KEYS_KEPT} (delivered twice by a collector that restarted) changes nothing and publishes
 * nothing. The store keeps the first post as the JSON it came with and only the fields a repost
 * changes, so a repost rewrites no alert JSON.
 */
public final class ClusterUpdater implements Processor<String, AlertingPost, String, AlertUpdate> {
  /** The cluster store's name. */
  public static final String STORE = "repost-cluster-store";

  /**
   * How many of a cluster's latest post keys the store keeps to recognise a post delivered twice. A
   * collector re-sends what it collected just before it stopped, so a duplicate is one of the
   * latest posts; keeping every key would make each repost of a busy ad rewrite a store value (and
   * a changelog record) that grows with its repost count.
   */
  public static final int MEMBER_KEYS_KEPT = 256;

  private final Duration retention;

  /**
   * How many first posts each task keeps read: a cache of what the store holds, so a restart or a
   * rebalance only costs reading them again.
   */
  private static final int CACHED = 256;

  private final FirstPosts firstPosts = new FirstPosts();
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
    AlertingPost joining = record.value();
    RepostCluster cluster = clusters.get(record.key());
    if (cluster != null && cluster.memberKeys().contains(joining.postKey())) {
      return;
    }
    String channel = joining.channel();
    if (cluster == null) {
      ScoredPost scored = joining.scoredPost();
      Alert alert = Alert.firstSighting(scored.post(), scored.verdict());
      clusters.put(
          record.key(),
          new RepostCluster(
              joining.scoredPostJson(),
              alert.firstSeen(),
              alert.lastSeen(),
              1,
              List.of(channel),
              List.of(joining.postKey()),
              record.timestamp()));
      firstPosts.put(record.key(), new FirstPost(joining.scoredPostJson(), scored));
      context.forward(record.withValue(new AlertUpdate(alert, joining, false)));
      return;
    }
    List<String> channels = new ArrayList<>(cluster.channels());
    if (!channels.contains(channel)) {
      channels.add(channel);
    }
    List<String> previous = cluster.memberKeys();
    List<String> members =
        new ArrayList<>(
            previous.subList(
                Math.max(0, previous.size() - (MEMBER_KEYS_KEPT - 1)), previous.size()));
    members.add(joining.postKey());
    Instant seen = joining.collectedAt();
    RepostCluster updated =
        new RepostCluster(
            cluster.firstPostJson(),
            seen.isBefore(cluster.firstSeen()) ? seen : cluster.firstSeen(),
            seen.isAfter(cluster.lastSeen()) ? seen : cluster.lastSeen(),
            cluster.repostCount() + 1,
            channels,
            members,
            Math.max(cluster.touchedAt(), record.timestamp()));
    clusters.put(record.key(), updated);
    ScoredPost first = firstPost(record.key(), cluster.firstPostJson());
    Alert alert =
        new Alert(
            SchemaVersion.CURRENT,
            Alert.idFor(first.post().key()),
            first.post(),
            first.verdict(),
            updated.firstSeen(),
            updated.lastSeen(),
            updated.repostCount(),
            updated.channels());
    context.forward(record.withValue(new AlertUpdate(alert, joining, true)));
  }

  /**
   * The cluster's first post, read from its JSON unless the same bytes were read lately: a busy
   * cluster publishes an alert version per repost, each with the same first post.
   */
  private ScoredPost firstPost(String clusterId, byte[] json) {
    FirstPost cached = firstPosts.get(clusterId);
    if (cached != null && Arrays.equals(cached.json(), json)) {
      return cached.scored();
    }
    ScoredPost scored = Json.read(json, ScoredPost.class);
    firstPosts.put(clusterId, new FirstPost(json, scored));
    return scored;
  }

  /** A first post's JSON and what it reads as. */
  private record FirstPost(byte[] json, ScoredPost scored) {}

  /** The most recently used first posts of this task's clusters, at most {@value #CACHED}. */
  private static final class FirstPosts extends LinkedHashMap<String, FirstPost> {
    private static final long serialVersionUID = 1L;

    FirstPosts() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, FirstPost> eldest) {
      return size() > CACHED;
    }
  }
}

package org.crossingwatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.JsonSerde;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.classify.PostScorer;
import org.crossingwatch.stream.classify.PublishedPost;
import org.crossingwatch.stream.cluster.AlertUpdate;
import org.crossingwatch.stream.cluster.AlertingPost;
import org.crossingwatch.stream.cluster.BandLookup;
import org.crossingwatch.stream.cluster.BandVote;
import org.crossingwatch.stream.cluster.ClusterSerdes;
import org.crossingwatch.stream.cluster.ClusterUpdater;
import org.crossingwatch.stream.cluster.CopyDecisionRecorder;
import org.crossingwatch.stream.cluster.FingerprintLookup;
import org.crossingwatch.stream.cluster.FingerprintMatch;
import org.crossingwatch.stream.cluster.RepostProbes;
import org.crossingwatch.stream.cluster.VoteCollector;
import org.crossingwatch.stream.cluster.VoteResult;
import org.crossingwatch.stream.deadletter.DeadLetterWriter;
import org.crossingwatch.stream.deadletter.Outcome;
import org.crossingwatch.stream.links.EntityKeys;
import org.crossingwatch.stream.links.EntityLinker;
import org.crossingwatch.stream.links.EntityLinks;
import org.crossingwatch.stream.links.EntitySighting;
import org.crossingwatch.stream.links.LinkAnswer;
import org.crossingwatch.stream.links.LinkCollector;
import org.crossingwatch.stream.links.LinkSerdes;
import org.crossingwatch.stream.links.LinkedSighting;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.crossingwatch.stream.parse.ParsedPost;
import org.crossingwatch.stream.parse.PostParser;
import org.crossingwatch.stream.rules.LiveRuleSet;
import org.crossingwatch.stream.rules.RuleTableUpdater;

/**
 * The CrossingWatch stream topology:
 *
 * <pre>
 * cw.posts.raw → parse ─┬─ bad bytes, bad JSON, missing field, too big ───────────→ cw.dlq
 *                       └→ classify (live rule set) ─┬─ classifier failed ──────────→ cw.dlq
 *                                                    └→ cw.posts.scored (every post)
 *   alerting posts ⇒ [repost-fingerprints] fingerprint store ←──────────────────────────────┐
 *     ├─ first of its text → a probe per band partition ⇒ [repost-bands] band store ─┐      │
 *     ├─ the first post itself ───────────────────────────────────────────────────────┤      │
 *     ├─ identical copy of an earlier post, its cluster not known yet ────────────────┤      │
 *     │            ⇒ [repost-votes] vote + waiting-post stores ─ decision ⇒ [repost-decisions]
 *     └─ identical copy, its cluster known ─┐          │
 *                  ⇒ [repost-clusters] cluster store ←─┘
 *                  → its entities, the first by key carrying the new or updated alert
 *                       ⇒ [entity-links] entity store → cw.entities (changed; expired: null)
 *                                                     → each entity's answer ───────────┐
 *                  → an alert without entities ─────────────────────────────────────────┤
 *                  ⇒ [alert-links] alert-link store (all entities answered) → cw.alerts ←┘
 * cw.rules (global table, rule-table-store) → LiveRuleSet, recompiled off the stream threads
 * </pre>
 *
 * <p>⇒ is a re-key through the named repartition topic in brackets; see {@link
 * org.crossingwatch.stream.cluster} and {@link org.crossingwatch.stream.links} for why each exists
 * and how exactly-once and ordering work across them. Keys: {@code cw.posts.raw} and {@code
 * cw.posts.scored} by post key, {@code cw.alerts} by alert id ({@link Alert#idFor(String)} of the
 * cluster's first post), {@code cw.entities} by entity, {@code cw.dlq} by the original key. Dead
 * letters carry the original value bytes and the {@link org.crossingwatch.model.DeadLetterHeaders}.
 * No step throws for a bad post, so one post can never stop the stream; the exception handlers
 * configured by {@link Pipeline#streamsConfig} catch whatever still fails.
 */
public final class PipelineTopology {
  private static final Serde<String> KEYS = Serdes.String();
  private static final Serde<byte[]> BYTES = Serdes.ByteArray();
  private static final Serde<EntityLinks> LINKS = JsonSerde.of(EntityLinks.class);

  private PipelineTopology() {}

  /**
   * As {@link #build(StreamsBuilder, Supplier, PipelineSettings, MeterRegistry)}, counting on
   * {@link Metrics#globalRegistry}.
   */
  public static Topology build(
      StreamsBuilder builder, Supplier<PostClassifier> classifier, PipelineSettings settings) {
    return build(builder, classifier, settings, Metrics.globalRegistry);
  }

  /**
   * The pipeline scoring with a live rule set: as {@link #build(StreamsBuilder, Supplier,
   * PipelineSettings, MeterRegistry)}, plus the global table of {@code cw.rules} (store {@value
   * RuleTableUpdater#STORE}) that keeps {@code rules} current. Call {@link
   * LiveRuleSet#tableRestored()} once the global store is restored ({@link Pipeline#start()} does;
   * with {@code KafkaStreams} directly, after {@code start()} returns; with {@code
   * TopologyTestDriver}, after creating it): until then {@code rules} keeps its initial set.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Topology build(
      StreamsBuilder builder,
      LiveRuleSet rules,
      PipelineSettings settings,
      MeterRegistry registry) {
    Objects.requireNonNull(builder, "builder must not be null");
    Objects.requireNonNull(rules, "rules must not be null");
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(RuleTableUpdater.STORE), KEYS, BYTES)
            .withLoggingDisabled(),
        Topics.RULES,
        Consumed.with(KEYS, BYTES).withName("read-rules"),
        RuleTableUpdater.supplier(rules));
    Supplier<PostClassifier> current = rules;
    return build(builder, current, settings, registry);
  }

  /**
   * Adds the pipeline to {@code builder} and builds it.
   *
   * @param builder a fresh builder
   * @param classifier asked once per post for the classifier to score it with; return the current
   *     one from an {@code AtomicReference} to swap rule sets without restarting. It must not
   *     return null (a null counts as a classifier failure for that post).
   * @param settings size limits, clustering
   * @param registry where the {@link PipelineMetrics} counters go
   * @return the topology, ready for {@code new KafkaStreams(...)} or {@code TopologyTestDriver}
   * @throws NullPointerException if an argument is null
   */
  public static Topology build(
      StreamsBuilder builder,
      Supplier<PostClassifier> classifier,
      PipelineSettings settings,
      MeterRegistry registry) {
    Objects.requireNonNull(builder, "builder must not be null");
    Objects.requireNonNull(classifier, "classifier must not be null");
    Objects.requireNonNull(settings, "settings must not be null");
    PipelineMetrics metrics = PipelineMetrics.on(registry);
    PostParser parser = new PostParser(settings.maxRecordBytes(), metrics);
    PostScorer scorer = new PostScorer(classifier, settings.maxTextChars(), metrics);
    addStores(builder);

    KStream<String, byte[]> rawPosts =
        builder.stream(Topics.POSTS_RAW, Consumed.with(KEYS, BYTES).withName("read-raw-posts"));

    Map<String, KStream<String, Outcome<ParsedPost>>> parsed =
        rawPosts
            .flatMapValues(parser::parse, Named.as("parse-post"))
            .split(Named.as("parse-"))
            .branch((key, outcome) -> outcome.failed(), Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));

    Map<String, KStream<String, Outcome<ScoredPost>>> scored =
        parsed
            .get("parse-ok")
            .mapValues(Outcome::value, Named.as("take-parsed-post"))
            .mapValues(scorer::score, Named.as("classify-post"))
            .split(Named.as("classify-"))
            .branch((key, outcome) -> outcome.failed(), Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));

    KStream<String, ScoredPost> scoredPosts =
        scored.get("classify-ok").mapValues(Outcome::value, Named.as("take-scored-post"));
    // The JSON is written once: as the cw.posts.scored record and as the post carried through the
    // clustering steps.
    KStream<String, PublishedPost> publishedPosts =
        scoredPosts.mapValues(PublishedPost::of, Named.as("write-scored-post-json"));
    publishedPosts
        .mapValues(PublishedPost::json, Named.as("take-scored-post-json"))
        .to(Topics.POSTS_SCORED, Produced.with(KEYS, BYTES).withName("write-scored-posts"));

    Map<String, KStream<String, FingerprintMatch>> fingerprinted =
        publishedPosts
            .filter(
                (postKey, published) -> published.scoredPost().verdict().alert(),
                Named.as("keep-alerting-posts"))
            .mapValues(
                published ->
                    AlertingPost.of(
                        published.scoredPost(),
                        published.json(),
                        EntityKeys.of(published.scoredPost().verdict())),
                Named.as("fingerprint-post"))
            // Re-key from post key to exact fingerprint: identical copies meet in one partition.
            .selectKey((postKey, post) -> post.exactKey(), Named.as("key-by-fingerprint"))
            .repartition(
                Repartitioned.with(KEYS, ClusterSerdes.alertingPosts())
                    .withName("repost-fingerprints")
                    .withNumberOfPartitions(settings.fingerprintPartitions()))
            .process(
                FingerprintLookup.supplier(settings.clusterRetention()),
                Named.as("look-up-fingerprint"),
                FingerprintLookup.STORE)
            .split(Named.as("fingerprint-"))
            .branch((key, match) -> match.isClustered(), Branched.as("clustered"))
            .branch((key, match) -> match.isCopy(), Branched.as("copy"))
            .defaultBranch(Branched.as("first"));

    KStream<String, FingerprintMatch> firstCopies = fingerprinted.get("fingerprint-first");
    KStream<String, BandVote> waitingPosts =
        firstCopies
            .mapValues(match -> BandVote.first(match.post()), Named.as("send-first-copy"))
            .merge(
                fingerprinted
                    .get("fingerprint-copy")
                    .mapValues(
                        (firstCopy, match) -> BandVote.copyOf(firstCopy, match.post()),
                        Named.as("follow-first-copy")),
                Named.as("merge-copies"));

    Map<String, KStream<String, VoteResult>> voted =
        firstCopies
            // Re-key from post key to band partition: posts sharing a band meet in one partition;
            // one record carries all of a post's bands that live there.
            .flatMap(
                (postKey, match) -> RepostProbes.of(match.post(), settings.bandPartitions()),
                Named.as("probe-bands"))
            .repartition(
                Repartitioned.with(KEYS, ClusterSerdes.bandProbes())
                    .withName("repost-bands")
                    .withNumberOfPartitions(settings.bandPartitions())
                    .withStreamPartitioner(RepostProbes.partitioner()))
            .process(
                BandLookup.supplier(settings.clusterRetention(), settings.repostSimilarity()),
                Named.as("look-up-band"),
                BandLookup.STORE)
            .merge(waitingPosts, Named.as("merge-waiting-posts"))
            // BandLookup re-keyed by post key, the posts are keyed by their first copy's key: every
            // answer, the post and its copies meet at the first post.
            .repartition(
                Repartitioned.with(KEYS, ClusterSerdes.bandVotes()).withName("repost-votes"))
            .process(
                VoteCollector.supplier(settings.clusterRetention()),
                Named.as("collect-band-votes"),
                VoteCollector.STORE,
                VoteCollector.WAITING_STORE)
            .split(Named.as("voted-"))
            .branch((key, result) -> result.isDecision(), Branched.as("decision"))
            .defaultBranch(Branched.as("post"));

    voted
        .get("voted-decision")
        .mapValues(result -> result.decision().orElseThrow(), Named.as("take-copy-decision"))
        // VoteCollector re-keyed the decision by exact fingerprint: it goes back to the partition
        // of the fingerprint store that sends the copies (same partition count, same partitioner).
        .repartition(
            Repartitioned.with(KEYS, ClusterSerdes.copyDecisions())
                .withName("repost-decisions")
                .withNumberOfPartitions(settings.fingerprintPartitions()))
        .process(
            CopyDecisionRecorder.supplier(),
            Named.as("record-copy-decision"),
            FingerprintLookup.STORE);

    KStream<String, AlertUpdate> alertUpdates =
        voted
            .get("voted-post")
            .mapValues(result -> result.post().orElseThrow(), Named.as("take-voted-post"))
            .merge(
                fingerprinted
                    .get("fingerprint-clustered")
                    .mapValues(FingerprintMatch::post, Named.as("take-clustered-copy")),
                Named.as("merge-clustered-copies"))
            // VoteCollector and FingerprintLookup (copies whose first post's cluster is known)
            // re-keyed by cluster id: every post of a cluster meets in one partition.
            .repartition(
                Repartitioned.with(KEYS, ClusterSerdes.alertingPosts()).withName("repost-clusters"))
            .process(
                ClusterUpdater.supplier(settings.clusterRetention()),
                Named.as("update-cluster"),
                ClusterUpdater.STORE);

    alertUpdates.peek((clusterId, update) -> countAlert(metrics, update), Named.as("count-alert"));

    Map<String, KStream<String, LinkedSighting>> linked =
        alertUpdates
            // Re-key from cluster id to entity: every alert with the entity meets in one partition.
            .flatMap((clusterId, update) -> EntitySighting.allOf(update), Named.as("key-by-entity"))
            .repartition(Repartitioned.with(KEYS, LinkSerdes.sightings()).withName("entity-links"))
            .process(
                EntityLinker.supplier(settings.clusterRetention()),
                Named.as("link-entities"),
                EntityLinker.STORE)
            .split(Named.as("linked-"))
            // A null value is an entity that expired from the store: a tombstone on cw.entities.
            .branch((entity, sighting) -> sighting == null, Branched.as("expired"))
            .branch((entity, sighting) -> sighting.changed(), Branched.as("changed"))
            .defaultBranch(Branched.as("unchanged"));

    linked
        .get("linked-changed")
        .mapValues(LinkedSighting::links, Named.as("take-entity-links"))
        .peek((entity, links) -> metrics.entityLinkPublished(), Named.as("count-entity-links"))
        .merge(
            linked
                .get("linked-expired")
                .mapValues(expired -> (EntityLinks) null, Named.as("tombstone-expired-entity")),
            Named.as("merge-expired-entities"))
        .to(Topics.ENTITIES, Produced.with(KEYS, LINKS).withName("write-entity-links"));

    linked
        .get("linked-changed")
        .merge(linked.get("linked-unchanged"), Named.as("merge-linked"))
        // Re-key from entity to alert id: each entity answers the alert version it saw, and the
        // answer to the sighting that carried the version brings the version with it.
        .map(
            (entity, sighting) -> KeyValue.pair(sighting.sighting().alertId(), sighting.answer()),
            Named.as("answer-alert"))
        .merge(
            alertUpdates
                .filter(
                    (clusterId, update) -> update.trigger().entities().isEmpty(),
                    Named.as("keep-alerts-without-entities"))
                // Re-key from cluster id to alert id: nothing to wait for, but the version still
                // passes the alert-link store, which keeps cw.alerts from stepping back.
                .map(
                    (clusterId, update) ->
                        KeyValue.pair(
                            update.alert().alertId(), LinkAnswer.withoutEntities(update.alert())),
                    Named.as("send-alert-without-entities")),
            Named.as("merge-link-answers"))
        .repartition(Repartitioned.with(KEYS, LinkSerdes.linkAnswers()).withName("alert-links"))
        .process(
            LinkCollector.supplier(settings.clusterRetention()),
            Named.as("collect-entity-links"),
            LinkCollector.STORE,
            LinkCollector.VERSION_STORE)
        .to(Topics.ALERTS, Produced.with(KEYS, BYTES).withName("write-alerts"));

    parsed
        .get("parse-failed")
        .mapValues(Outcome::deadLetter, Named.as("take-parse-dead-letter"))
        .merge(
            scored
                .get("classify-failed")
                .mapValues(Outcome::deadLetter, Named.as("take-classify-dead-letter")),
            Named.as("merge-dead-letters"))
        .processValues(DeadLetterWriter.supplier(metrics), Named.as("add-dead-letter-headers"))
        .to(Topics.DLQ, Produced.with(KEYS, BYTES).withName("write-dead-letters"));

    return builder.build();
  }

  /**
   * Every store is changelogged, so each survives a crash. The two stores whose entries only wait
   * for a decision and are deleted at it (posts waiting for their band votes, alert versions
   * waiting for their entity links) stay small and live in memory: no RocksDB write and tombstone
   * per post, and a restore reads only what still waits. The rest keep a week of state on disk.
   * Every store is cached: a key updated several times within a commit interval (copies of one ad
   * meeting in its cluster, link and entity entries; a post's band answers in its vote entry)
   * reaches the store and its changelog once, at the commit, in the same transaction.
   */
  private static void addStores(StreamsBuilder builder) {
    builder.addStateStore(
        cached(
            Stores.persistentKeyValueStore(FingerprintLookup.STORE), ClusterSerdes.firstCopies()));
    builder.addStateStore(
        cached(Stores.persistentKeyValueStore(BandLookup.STORE), ClusterSerdes.bandEntries()));
    builder.addStateStore(
        cached(Stores.persistentKeyValueStore(VoteCollector.STORE), ClusterSerdes.pendingVotes()));
    builder.addStateStore(
        cached(
            Stores.inMemoryKeyValueStore(VoteCollector.WAITING_STORE),
            ClusterSerdes.waitingPosts()));
    builder.addStateStore(
        cached(
            Stores.persistentKeyValueStore(ClusterUpdater.STORE), ClusterSerdes.repostClusters()));
    builder.addStateStore(
        cached(Stores.persistentKeyValueStore(EntityLinker.STORE), LinkSerdes.entityStates()));
    builder.addStateStore(
        cached(Stores.persistentKeyValueStore(LinkCollector.STORE), LinkSerdes.pendingLinks()));
    builder.addStateStore(
        cached(
            Stores.inMemoryKeyValueStore(LinkCollector.VERSION_STORE), LinkSerdes.waitingAlerts()));
  }

  /** A changelogged store with string keys and its cache. */
  private static <V> StoreBuilder<KeyValueStore<String, V>> cached(
      KeyValueBytesStoreSupplier supplier, Serde<V> values) {
    return Stores.keyValueStoreBuilder(supplier, KEYS, values).withCachingEnabled();
  }

  private static void countAlert(PipelineMetrics metrics, AlertUpdate update) {
    if (update.repost()) {
      metrics.alertUpdated();
    } else {
      metrics.alertEmitted(new ScoredPost(update.alert().post(), update.alert().verdict()));
    }
    metrics.alertLatency(Duration.between(update.trigger().collectedAt(), Instant.now()));
  }
}

/**
 * Repost clustering: one alert per ad, however often and wherever it is reposted.
 *
 * <p>Only alerting posts are clustered. Each gets a {@link
 * org.crossingwatch.stream.cluster.Fingerprint} (normalised words without links, handles, hashtags,
 * numbers and emojis) and a {@link org.crossingwatch.stream.cluster.MinHash} signature of its word
 * and word-pair shingles, computed once into an {@link
 * org.crossingwatch.stream.cluster.AlertingPost} that carries the scored post as its JSON bytes.
 * Five re-keys, each through a named repartition topic with the binary {@link
 * org.crossingwatch.stream.cluster.ClusterSerdes}, make the lookup work across instances:
 *
 * <ol>
 *   <li>{@code repost-fingerprints}, keyed by exact fingerprint: {@link
 *       org.crossingwatch.stream.cluster.FingerprintLookup} lets the first post of a text on to the
 *       bands (and itself to the vote store) and sends every identical copy either straight to the
 *       cluster store, keyed by the first post's cluster when that is already decided (the fast
 *       path, most reposts), or to the vote store, keyed by the first post, to join whatever
 *       cluster that post joins (store {@code repost-fingerprint-store});
 *   <li>{@code repost-bands}, routed by LSH band ({@link
 *       org.crossingwatch.stream.cluster.RepostProbes#partitioner()}), one record per partition
 *       with all of a post's bands there: {@link org.crossingwatch.stream.cluster.BandLookup}
 *       answers with the first post seen in each band if its signature is similar enough (store
 *       {@code repost-band-store});
 *   <li>{@code repost-votes}, keyed by post: {@link org.crossingwatch.stream.cluster.VoteCollector}
 *       waits for all band partitions and the post, picks the earliest candidate as the cluster id
 *       and keeps the decision for the copies (stores {@code repost-vote-store}, small, rewritten
 *       by each answer, and {@code repost-waiting-post-store}, the posts, written once each);
 *   <li>{@code repost-decisions}, keyed by exact fingerprint: the decision goes back as a {@link
 *       org.crossingwatch.stream.cluster.CopyDecision} and {@link
 *       org.crossingwatch.stream.cluster.CopyDecisionRecorder} writes it into the fingerprint store
 *       entry of its first post, if that entry still names the post;
 *   <li>{@code repost-clusters}, keyed by cluster id: {@link
 *       org.crossingwatch.stream.cluster.ClusterUpdater} raises the alert or updates it (store
 *       {@code repost-cluster-store}).
 * </ol>
 *
 * <p>Exactly once: each step reads, updates its store and writes the next repartition record in one
 * Kafka transaction ({@code exactly_once_v2}), so a crash replays whole steps and no vote is lost
 * or counted twice; a post that reaches its cluster twice (a collector re-sent it) is recognised by
 * its key. Identical copies are exact: they meet in one partition of the fingerprint store, so the
 * first to arrive decides for all. Ordering of near-duplicates: two near-duplicates racing through
 * different band partitions may each be first in some band; both then see both candidates and pick
 * the same, earliest one. What is not exact: a post similar to a repost but not to the cluster's
 * first post opens a cluster of its own keyed by that repost (no transitive merging), and the alert
 * shows the post that reached the cluster store first, which under a race may not be the earliest
 * collected ({@code firstSeen} still is). Every store expires entries untouched for {@code
 * PipelineSettings.clusterRetention()} of stream time; the decided cluster lives in the fingerprint
 * store's entry and expires with it.
 *
 * <p>The copy fast path keeps all of this. (1) It changes no outcome: the fingerprint store only
 * learns the decision the vote store made and keeps, so a copy ends in the same cluster whichever
 * way it goes; copies sent the slow way before the decision came back still find it (or wait for
 * it) in the vote store. (2) The first post reaches its cluster before any fast copy: the vote
 * store writes the first post's {@code repost-clusters} record and the decision in one transaction,
 * the fingerprint store reads only committed records, so it learns the decision after the first
 * post's record is in the log, and every fast copy it writes later lands behind that record in the
 * same partition (keyed by the cluster id). So the cluster store still opens the alert with the
 * post that decided it; the order of the reposts after it does not matter (counts, channels and
 * times are the same in any order). (3) Exactly once: the decision is written with the vote store's
 * update, read and stored with the fingerprint store's update, each in its step's transaction; a
 * replayed decision finds the entry already decided and changes nothing. (4) Across instances:
 * {@code repost-decisions} and {@code repost-fingerprints} have the same partition count ({@code
 * PipelineSettings.fingerprintPartitions()}, set explicitly because Kafka Streams derives the count
 * of a topic fed back from a later step from whatever upstream count it computed first) and the
 * same default partitioner, so a decision reaches the task that holds its fingerprint. (5) Stale
 * decisions: a decision for a fingerprint that expired (no entry) or whose entry names another
 * first post (expired, then seen first with another post) is dropped; the entry then waits for its
 * own post's decision. Unreadable {@code repost-decisions} records go to {@code cw.dlq} like every
 * repartition record.
 *
 * <p>Support code for {@link org.crossingwatch.stream.PipelineTopology}: no compatibility promise.
 */
package org.crossingwatch.stream.cluster;

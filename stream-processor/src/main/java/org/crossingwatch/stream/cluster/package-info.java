/**
 * Repost clustering: one alert per ad, however often and wherever it is reposted.
 *
 * <p>Only alerting posts are clustered. Each gets a {@link
 * org.crossingwatch.stream.cluster.Fingerprint} (normalised words without links, handles, hashtags,
 * numbers and emojis) and a {@link org.crossingwatch.stream.cluster.MinHash} signature of its word
 * and word-pair shingles, computed once into an {@link
 * org.crossingwatch.stream.cluster.AlertingPost} that carries the scored post as its JSON bytes.
 * Four re-keys, each through a named repartition topic with the binary {@link
 * org.crossingwatch.stream.cluster.ClusterSerdes}, make the lookup work across instances:
 *
 * <ol>
 *   <li>{@code repost-fingerprints}, keyed by exact fingerprint: {@link
 *       org.crossingwatch.stream.cluster.FingerprintLookup} lets the first post of a text on to the
 *       bands (and itself to the vote store) and sends every identical copy straight to the vote
 *       store, keyed by the first post, to join whatever cluster that post joins (store {@code
 *       repost-fingerprint-store});
 *   <li>{@code repost-bands}, routed by LSH band ({@link
 *       org.crossingwatch.stream.cluster.RepostProbes#partitioner()}), one record per partition
 *       with all of a post's bands there: {@link org.crossingwatch.stream.cluster.BandLookup}
 *       answers with the first post seen in each band if its signature is similar enough (store
 *       {@code repost-band-store});
 *   <li>{@code repost-votes}, keyed by post: {@link org.crossingwatch.stream.cluster.VoteCollector}
 *       waits for all band partitions and the post, picks the earliest candidate as the cluster id
 *       and keeps the decision for the copies (stores {@code repost-vote-store}, small, rewritten
 *       by each answer, and {@code repost-waiting-post-store}, the posts, written once each);
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
 * PipelineSettings.clusterRetention()} of stream time.
 *
 * <p>Support code for {@link org.crossingwatch.stream.PipelineTopology}: no compatibility promise.
 */
package org.crossingwatch.stream.cluster;

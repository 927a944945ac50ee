package org.crossingwatch.stream.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.crossingwatch.stream.internal.BinaryReader;
import org.crossingwatch.stream.internal.BinarySerde;
import org.crossingwatch.stream.internal.BinaryWriter;

/**
 * Compact binary serdes for the clustering steps' repartition records and store values. These never
 * leave the application (public topics stay JSON), so they trade readability for size and speed:
 * the records are small (keys, times, a signature) and the one large field, a scored post, travels
 * as the JSON bytes it already has. Values are read and written straight from and to byte arrays
 * through {@link java.nio.ByteBuffer} (numbers big-endian, strings as an int length and UTF-8, int
 * arrays in one bulk copy), never through a per-byte stream. Every value starts with a format byte
 * ({@value #FORMAT}; format 1 wrote strings as Java's modified UTF-8, format 2 had no decided
 * cluster in the fingerprint store); a value in another format (state or records written by an
 * older version) fails with a {@link SerializationException} naming the type, which sends a
 * repartition record to the dead-letter topic. Thread-safe.
 */
public final class ClusterSerdes {
  /** The format byte every value starts with. */
  static final byte FORMAT = 3;

  private static final Serde<AlertingPost> ALERTING_POSTS =
      serde("AlertingPost", ClusterSerdes::writeAlertingPost, ClusterSerdes::readAlertingPost);
  private static final Serde<BandProbes> BAND_PROBES =
      serde(
          "BandProbes",
          (probes, out) ->
              out.putString(probes.postKey())
                  .putInstant(probes.collectedAt())
                  .putInts(probes.signature())
                  .putInts(probes.bands())
                  .putInt(probes.group())
                  .putInt(probes.groupCount()),
          in ->
              new BandProbes(
                  in.getString(),
                  in.getInstant(),
                  in.getInts(),
                  in.getInts(),
                  in.getInt(),
                  in.getInt()));
  private static final Serde<BandVote> BAND_VOTES =
      serde(
          "BandVote",
          (vote, out) -> {
            out.putByte(vote.kind().ordinal())
                .putString(vote.postKey())
                .putInt(vote.expectedAnswers());
            writeCandidates(out, vote.candidates());
            out.putBoolean(vote.post().isPresent());
            vote.post().ifPresent(post -> writeAlertingPost(post, out));
          },
          in ->
              new BandVote(
                  BandVote.Kind.values()[in.getByte()],
                  in.getString(),
                  in.getInt(),
                  readCandidates(in),
                  in.getBoolean() ? Optional.of(readAlertingPost(in)) : Optional.empty()));
  private static final Serde<PendingVotes> PENDING_VOTES =
      serde(
          "PendingVotes",
          (votes, out) -> {
            out.putInt(votes.received()).putInt(votes.expected());
            writeCandidates(out, votes.candidates());
            out.putBoolean(votes.postArrived())
                .putString(votes.clusterId().orElse(""))
                .putLong(votes.touchedAt());
          },
          in ->
              new PendingVotes(
                  in.getInt(),
                  in.getInt(),
                  readCandidates(in),
                  in.getBoolean(),
                  Optional.of(in.getString()).filter(id -> !id.isEmpty()),
                  in.getLong()));
  private static final Serde<WaitingPosts> WAITING_POSTS =
      serde(
          "WaitingPosts",
          (waiting, out) -> {
            out.putBoolean(waiting.first().isPresent());
            waiting.first().ifPresent(first -> writeAlertingPost(first, out));
            out.putInt(waiting.copies().size());
            waiting.copies().forEach(copy -> writeAlertingPost(copy, out));
            out.putLong(waiting.touchedAt());
          },
          in -> {
            Optional<AlertingPost> first =
                in.getBoolean() ? Optional.of(readAlertingPost(in)) : Optional.empty();
            int count = in.getInt();
            List<AlertingPost> copies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
              copies.add(readAlertingPost(in));
            }
            return new WaitingPosts(first, copies, in.getLong());
          });
  private static final Serde<BandEntry> BAND_ENTRIES =
      serde(
          "BandEntry",
          (entry, out) ->
              out.putString(entry.postKey())
                  .putInstant(entry.collectedAt())
                  .putInts(entry.signature())
                  .putLong(entry.touchedAt()),
          in -> new BandEntry(in.getString(), in.getInstant(), in.getInts(), in.getLong()));
  private static final Serde<FirstCopy> FIRST_COPIES =
      serde(
          "FirstCopy",
          (first, out) ->
              out.putString(first.postKey())
                  .putLong(first.touchedAt())
                  .putString(first.clusterId().orElse("")),
          in ->
              new FirstCopy(
                  in.getString(),
                  in.getLong(),
                  Optional.of(in.getString()).filter(id -> !id.isEmpty())));
  private static final Serde<CopyDecision> COPY_DECISIONS =
      serde(
          "CopyDecision",
          (decision, out) -> out.putString(decision.firstPostKey()).putString(decision.clusterId()),
          in -> new CopyDecision(in.getString(), in.getString()));
  private static final Serde<RepostCluster> REPOST_CLUSTERS =
      serde(
          "RepostCluster",
          (cluster, out) ->
              out.putBytes(cluster.firstPostJson())
                  .putInstant(cluster.firstSeen())
                  .putInstant(cluster.lastSeen())
                  .putInt(cluster.repostCount())
                  .putStrings(cluster.channels())
                  .putStrings(cluster.memberKeys())
                  .putLong(cluster.touchedAt()),
          in ->
              new RepostCluster(
                  in.getBytes(),
                  in.getInstant(),
                  in.getInstant(),
                  in.getInt(),
                  in.getStrings(),
                  in.getStrings(),
                  in.getLong()));

  private ClusterSerdes() {}

  /** Alerting posts, on {@code repost-fingerprints} and {@code repost-clusters}. */
  public static Serde<AlertingPost> alertingPosts() {
    return ALERTING_POSTS;
  }

  /** A post's band probes for one partition, on {@code repost-bands}. */
  public static Serde<BandProbes> bandProbes() {
    return BAND_PROBES;
  }

  /** Band answers, first posts and their copies, on {@code repost-votes}. */
  public static Serde<BandVote> bandVotes() {
    return BAND_VOTES;
  }

  /** Values of the vote store. */
  public static Serde<PendingVotes> pendingVotes() {
    return PENDING_VOTES;
  }

  /** Values of the waiting-post store. */
  public static Serde<WaitingPosts> waitingPosts() {
    return WAITING_POSTS;
  }

  /** Values of the band store. */
  public static Serde<BandEntry> bandEntries() {
    return BAND_ENTRIES;
  }

  /** Values of the fingerprint store. */
  public static Serde<FirstCopy> firstCopies() {
    return FIRST_COPIES;
  }

  /** Decided clusters of first posts, on {@code repost-decisions}. */
  public static Serde<CopyDecision> copyDecisions() {
    return COPY_DECISIONS;
  }

  /** Values of the cluster store. */
  public static Serde<RepostCluster> repostClusters() {
    return REPOST_CLUSTERS;
  }

  private static <T> Serde<T> serde(
      String type, BinarySerde.Writer<T> writer, BinarySerde.Reader<T> reader) {
    return BinarySerde.of(type, FORMAT, writer, reader);
  }

  private static void writeAlertingPost(AlertingPost post, BinaryWriter out) {
    out.putString(post.postKey())
        .putInstant(post.collectedAt())
        .putString(post.exactKey())
        .putInts(post.signature())
        .putBytes(post.scoredPostJson())
        .putString(post.channel())
        .putStrings(List.copyOf(post.entities().keySet()))
        .putStrings(List.copyOf(post.entities().values()));
  }

  private static AlertingPost readAlertingPost(BinaryReader in) {
    String postKey = in.getString();
    Instant collectedAt = in.getInstant();
    String exactKey = in.getString();
    int[] signature = in.getInts();
    byte[] json = in.getBytes();
    String channel = in.getString();
    List<String> entityKeys = in.getStrings();
    List<String> entityTypes = in.getStrings();
    if (entityKeys.size() != entityTypes.size()) {
      throw new IllegalArgumentException(
          entityKeys.size() + " entity keys but " + entityTypes.size() + " types");
    }
    Map<String, String> entities = new LinkedHashMap<>();
    for (int i = 0; i < entityKeys.size(); i++) {
      entities.put(entityKeys.get(i), entityTypes.get(i));
    }
    return new AlertingPost(postKey, collectedAt, exactKey, signature, json, channel, entities);
  }

  private static void writeCandidates(BinaryWriter out, List<Candidate> candidates) {
    out.putInt(candidates.size());
    candidates.forEach(
        candidate -> out.putString(candidate.postKey()).putInstant(candidate.collectedAt()));
  }

  private static List<Candidate> readCandidates(BinaryReader in) {
    int count = in.getInt();
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      candidates.add(new Candidate(in.getString(), in.getInstant()));
    }
    return candidates;
  }
}

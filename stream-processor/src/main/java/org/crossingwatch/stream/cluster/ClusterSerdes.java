package org.crossingwatch.stream.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes for the clustering steps' repartition records and store values. These never
 * leave the application (public topics stay JSON), so they trade readability for size and speed:
 * the records are small (keys, times, a signature) and the one large field, a scored post, travels
 * as the JSON bytes it already has. Every value starts with a format byte ({@value #FORMAT}); a
 * value in another format (state or records written by an older version) fails with a {@link
 * SerializationException} naming the type, which sends a repartition record to the dead-letter
 * topic. Thread-safe.
 */
public final class ClusterSerdes {
  /** The format byte every value starts with. */
  static final byte FORMAT = 1;

  private static final Serde<AlertingPost> ALERTING_POSTS =
      serde("AlertingPost", ClusterSerdes::writeAlertingPost, ClusterSerdes::readAlertingPost);
  private static final Serde<BandProbes> BAND_PROBES =
      serde(
          "BandProbes",
          (probes, out) -> {
            out.writeUTF(probes.postKey());
            writeInstant(out, probes.collectedAt());
            writeInts(out, probes.signature());
            writeInts(out, probes.bands());
            out.writeInt(probes.group());
            out.writeInt(probes.groupCount());
          },
          in ->
              new BandProbes(
                  in.readUTF(),
                  readInstant(in),
                  readInts(in),
                  readInts(in),
                  in.readInt(),
                  in.readInt()));
  private static final Serde<BandVote> BAND_VOTES =
      serde(
          "BandVote",
          (vote, out) -> {
            out.writeByte(vote.kind().ordinal());
            out.writeUTF(vote.postKey());
            out.writeInt(vote.expectedAnswers());
            writeCandidates(out, vote.candidates());
            out.writeBoolean(vote.post().isPresent());
            if (vote.post().isPresent()) {
              writeAlertingPost(vote.post().get(), out);
            }
          },
          in ->
              new BandVote(
                  BandVote.Kind.values()[in.readByte()],
                  in.readUTF(),
                  in.readInt(),
                  readCandidates(in),
                  in.readBoolean() ? Optional.of(readAlertingPost(in)) : Optional.empty()));
  private static final Serde<PendingVotes> PENDING_VOTES =
      serde(
          "PendingVotes",
          (votes, out) -> {
            out.writeInt(votes.received());
            out.writeInt(votes.expected());
            writeCandidates(out, votes.candidates());
            out.writeBoolean(votes.postArrived());
            out.writeUTF(votes.clusterId().orElse(""));
            out.writeLong(votes.touchedAt());
          },
          in ->
              new PendingVotes(
                  in.readInt(),
                  in.readInt(),
                  readCandidates(in),
                  in.readBoolean(),
                  Optional.of(in.readUTF()).filter(id -> !id.isEmpty()),
                  in.readLong()));
  private static final Serde<WaitingPosts> WAITING_POSTS =
      serde(
          "WaitingPosts",
          (waiting, out) -> {
            out.writeBoolean(waiting.first().isPresent());
            if (waiting.first().isPresent()) {
              writeAlertingPost(waiting.first().get(), out);
            }
            out.writeInt(waiting.copies().size());
            for (AlertingPost copy : waiting.copies()) {
              writeAlertingPost(copy, out);
            }
            out.writeLong(waiting.touchedAt());
          },
          in -> {
            Optional<AlertingPost> first =
                in.readBoolean() ? Optional.of(readAlertingPost(in)) : Optional.empty();
            int count = in.readInt();
            List<AlertingPost> copies = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
              copies.add(readAlertingPost(in));
            }
            return new WaitingPosts(first, copies, in.readLong());
          });
  private static final Serde<BandEntry> BAND_ENTRIES =
      serde(
          "BandEntry",
          (entry, out) -> {
            out.writeUTF(entry.postKey());
            writeInstant(out, entry.collectedAt());
            writeInts(out, entry.signature());
            out.writeLong(entry.touchedAt());
          },
          in -> new BandEntry(in.readUTF(), readInstant(in), readInts(in), in.readLong()));
  private static final Serde<FirstCopy> FIRST_COPIES =
      serde(
          "FirstCopy",
          (first, out) -> {
            out.writeUTF(first.postKey());
            out.writeLong(first.touchedAt());
          },
          in -> new FirstCopy(in.readUTF(), in.readLong()));

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

  @FunctionalInterface
  private interface Writer<T> {
    void write(T value, DataOutputStream out) throws IOException;
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static <T> Serde<T> serde(String type, Writer<T> writer, Reader<T> reader) {
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
          try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writer.write(value, out);
          } catch (IOException e) {
            throw new SerializationException("Cannot write " + type + ": " + e.getMessage(), e);
          }
          return bytes.toByteArray();
        },
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = data.length == 0 ? -1 : in.readByte();
            if (format != FORMAT) {
              throw new SerializationException(
                  "Unreadable "
                      + type
                      + ": format byte "
                      + format
                      + ", expected "
                      + FORMAT
                      + " (written by another version?)");
            }
            return reader.read(in);
          } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException serialization) {
              throw serialization;
            }
            throw new SerializationException("Unreadable " + type + ": " + e, e);
          }
        });
  }

  private static void writeAlertingPost(AlertingPost post, DataOutputStream out)
      throws IOException {
    out.writeUTF(post.postKey());
    writeInstant(out, post.collectedAt());
    out.writeUTF(post.exactKey());
    writeInts(out, post.signature());
    out.writeInt(post.scoredPostJson().length);
    out.write(post.scoredPostJson());
  }

  private static AlertingPost readAlertingPost(DataInputStream in) throws IOException {
    String postKey = in.readUTF();
    Instant collectedAt = readInstant(in);
    String exactKey = in.readUTF();
    int[] signature = readInts(in);
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    return new AlertingPost(postKey, collectedAt, exactKey, signature, json);
  }

  private static void writeCandidates(DataOutputStream out, List<Candidate> candidates)
      throws IOException {
    out.writeInt(candidates.size());
    for (Candidate candidate : candidates) {
      out.writeUTF(candidate.postKey());
      writeInstant(out, candidate.collectedAt());
    }
  }

  private static List<Candidate> readCandidates(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<Candidate> candidates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      candidates.add(new Candidate(in.readUTF(), readInstant(in)));
    }
    return candidates;
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int value : values) {
      out.writeInt(value);
    }
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int[] values = new int[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }
}

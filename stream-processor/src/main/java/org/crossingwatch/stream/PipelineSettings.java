package org.crossingwatch.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * The pipeline's tunables.
 *
 * @param applicationId the Kafka Streams application id: consumer group, transactional id prefix
 *     and internal topic prefix; instances with the same id share the work. Default {@value
 *     #DEFAULT_APPLICATION_ID}.
 * @param maxRecordBytes the largest raw post value accepted as is, in bytes; a bigger record goes
 *     to {@code cw.dlq} at stage {@code parse} with the reason, and when it still reads as a post
 *     it is also scored on its text cut to {@code maxTextChars} and flagged {@code oversized} and
 *     {@code truncated}. Default {@value #DEFAULT_MAX_RECORD_BYTES} (512 KiB).
 * @param maxTextChars the longest post text scored as is, in UTF-16 chars; longer texts are scored
 *     on a copy cut to this length and their verdict is flagged {@code truncated}, the post itself
 *     is kept whole. Default {@value #DEFAULT_MAX_TEXT_CHARS}.
 * @param replicationFactor replication factor of the topics Kafka Streams creates for itself, or
 *     {@code -1} for the broker's default. Default {@value #DEFAULT_REPLICATION_FACTOR}.
 * @param clusterRetention how long repost clusters, their lookup bands and entity links are kept
 *     after they were last touched (in record time); a repost after that opens a new alert. Default
 *     7 days.
 * @param repostSimilarity the smallest estimated Jaccard similarity of two fingerprints' shingles
 *     for the later post to count as a repost of the earlier, in (0, 1]. Default {@value
 *     #DEFAULT_REPOST_SIMILARITY}.
 * @param bandPartitions partitions of the {@code repost-bands} repartition topic, so how many tasks
 *     share the band lookup; a post sends one probe record per partition that owns any of its
 *     bands. Changing it needs an application reset (band keys move). Default {@value
 *     #DEFAULT_BAND_PARTITIONS}.
 * @param fingerprintPartitions partitions of the {@code repost-fingerprints} and {@code
 *     repost-decisions} repartition topics, so how many tasks share the exact-fingerprint lookup.
 *     The two must have the same count (a decision must reach the task that holds its fingerprint)
 *     and Kafka Streams cannot derive that for a topic fed back from a later step, so it is set
 *     here; the clustering and link steps after the lookup get {@code max(bandPartitions,
 *     fingerprintPartitions)} partitions. Changing it needs an application reset. Default {@value
 *     #DEFAULT_FINGERPRINT_PARTITIONS}.
 */
public record PipelineSettings(
    String applicationId,
    int maxRecordBytes,
    int maxTextChars,
    int replicationFactor,
    Duration clusterRetention,
    double repostSimilarity,
    int bandPartitions,
    int fingerprintPartitions) {
  public static final String DEFAULT_APPLICATION_ID = "crossingwatch-pipeline";
  public static final int DEFAULT_MAX_RECORD_BYTES = 512 * 1024;
  public static final int DEFAULT_MAX_TEXT_CHARS = 20_000;
  public static final int DEFAULT_REPLICATION_FACTOR = -1;
  public static final Duration DEFAULT_CLUSTER_RETENTION = Duration.ofDays(7);
  public static final double DEFAULT_REPOST_SIMILARITY = 0.6;
  public static final int DEFAULT_BAND_PARTITIONS = 4;
  public static final int DEFAULT_FINGERPRINT_PARTITIONS = 4;

  public PipelineSettings {
    Objects.requireNonNull(applicationId, "applicationId must not be null");
    if (!applicationId.matches("[a-zA-Z0-9._-]+")) {
      throw new IllegalArgumentException(
          "applicationId may only contain ASCII letters, digits, '.', '_' and '-', was '"
              + applicationId
              + "'");
    }
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException(
          "maxRecordBytes must be at least 1, was " + maxRecordBytes);
    }
    if (maxTextChars < 1) {
      throw new IllegalArgumentException("maxTextChars must be at least 1, was " + maxTextChars);
    }
    if (replicationFactor != -1 && replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replicationFactor must be -1 (broker default) or at least 1, was " + replicationFactor);
    }
    Objects.requireNonNull(clusterRetention, "clusterRetention must not be null");
    if (clusterRetention.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "clusterRetention must be at least 1 second, was " + clusterRetention);
    }
    if (!(repostSimilarity > 0.0 && repostSimilarity <= 1.0)) {
      throw new IllegalArgumentException(
          "repostSimilarity must be in (0, 1], was " + repostSimilarity);
    }
    if (bandPartitions < 1) {
      throw new IllegalArgumentException(
          "bandPartitions must be at least 1, was " + bandPartitions);
    }
    if (fingerprintPartitions < 1) {
      throw new IllegalArgumentException(
          "fingerprintPartitions must be at least 1, was " + fingerprintPartitions);
    }
  }

  /** The first four fields, with the clustering fields at their defaults. */
  public PipelineSettings(
      String applicationId, int maxRecordBytes, int maxTextChars, int replicationFactor) {
    this(
        applicationId,
        maxRecordBytes,
        maxTextChars,
        replicationFactor,
        DEFAULT_CLUSTER_RETENTION,
        DEFAULT_REPOST_SIMILARITY,
        DEFAULT_BAND_PARTITIONS,
        DEFAULT_FINGERPRINT_PARTITIONS);
  }

  /** Every field at its default. */
  public static PipelineSettings defaults() {
    return new PipelineSettings(
        DEFAULT_APPLICATION_ID,
        DEFAULT_MAX_RECORD_BYTES,
        DEFAULT_MAX_TEXT_CHARS,
        DEFAULT_REPLICATION_FACTOR);
  }

  /** A copy with another application id. */
  public PipelineSettings withApplicationId(String newApplicationId) {
    return new PipelineSettings(
        newApplicationId,
        maxRecordBytes,
        maxTextChars,
        replicationFactor,
        clusterRetention,
        repostSimilarity,
        bandPartitions,
        fingerprintPartitions);
  }

  /** A copy with another raw record size limit. */
  public PipelineSettings withMaxRecordBytes(int newMaxRecordBytes) {
    return new PipelineSettings(
        applicationId,
        newMaxRecordBytes,
        maxTextChars,
        replicationFactor,
        clusterRetention,
        repostSimilarity,
        bandPartitions,
        fingerprintPartitions);
  }

  /** A copy with another text length limit. */
  public PipelineSettings withMaxTextChars(int newMaxTextChars) {
    return new PipelineSettings(
        applicationId,
        maxRecordBytes,
        newMaxTextChars,
        replicationFactor,
        clusterRetention,
        repostSimilarity,
        bandPartitions,
        fingerprintPartitions);
  }

  /** A copy with another replication factor for internal topics. */
  public PipelineSettings withReplicationFactor(int newReplicationFactor) {
    return new PipelineSettings(
        applicationId,
        maxRecordBytes,
        maxTextChars,
        newReplicationFactor,
        clusterRetention,
        repostSimilarity,
        bandPartitions,
        fingerprintPartitions);
  }

  /** A copy with another retention for repost clusters and entity links. */
  public PipelineSettings withClusterRetention(Duration newClusterRetention) {
    return new PipelineSettings(
        applicationId,
        maxRecordBytes,
        maxTextChars,
        replicationFactor,
        newClusterRetention,
        repostSimilarity,
        bandPartitions,
        fingerprintPartitions);
  }

  /** A copy with another repost similarity threshold. */
  public PipelineSettings withRepostSimilarity(double newRepostSimilarity) {
    return new PipelineSettings(
        applicationId,
        maxRecordBytes,
        maxTextChars,
        replicationFactor,
        clusterRetention,
        newRepostSimilarity,
        bandPartitions,
        fingerprintPartitions);
  }

  /** A copy with another partition count for the band lookup. */
  public PipelineSettings withBandPartitions(int newBandPartitions) {
    return new PipelineSettings(
        applicationId,
        maxRecordBytes,
        maxTextChars,
        replicationFactor,
        clusterRetention,
        repostSimilarity,
        newBandPartitions,
        fingerprintPartitions);
  }

  /** A copy with another partition count for the exact-fingerprint lookup. */
  public PipelineSettings withFingerprintPartitions(int newFingerprintPartitions) {
    return new PipelineSettings(
        applicationId,
        maxRecordBytes,
        maxTextChars,
        replicationFactor,
        clusterRetention,
        repostSimilarity,
        bandPartitions,
        newFingerprintPartitions);
  }
}

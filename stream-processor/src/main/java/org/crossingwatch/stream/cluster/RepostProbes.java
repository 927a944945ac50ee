package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Turns a first-of-its-text alerting post into its band probes, one record per band partition, and
 * routes them. A band key always belongs to the same partition ({@link #groupOf}), so every post
 * with that band asks the one band store that knows it.
 */
public final class RepostProbes {
  private RepostProbes() {}

  /**
   * The post's {@value MinHash#BANDS} bands grouped by partition, one record per partition that
   * holds any of them, keyed by the post key (the {@link #partitioner()} routes by group).
   *
   * @param partitions the partition count of {@code repost-bands}
   * @throws IllegalArgumentException if {@code partitions} is below 1
   */
  public static List<KeyValue<String, BandProbes>> of(AlertingPost post, int partitions) {
    Map<Integer, List<Integer>> bandsByGroup = new TreeMap<>();
    for (int band = 0; band < MinHash.BANDS; band++) {
      int group = groupOf(MinHash.bandKey(post.signature(), band), partitions);
      bandsByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(band);
    }
    List<KeyValue<String, BandProbes>> probes = new ArrayList<>(bandsByGroup.size());
    bandsByGroup.forEach(
        (group, bands) ->
            probes.add(
                KeyValue.pair(
                    post.postKey(),
                    new BandProbes(
                        post.postKey(),
                        post.collectedAt(),
                        post.signature(),
                        bands.stream().mapToInt(Integer::intValue).toArray(),
                        group,
                        bandsByGroup.size()))));
    return probes;
  }

  /**
   * The partition of {@code repost-bands} that owns a band key: the one Kafka's default partitioner
   * would pick for it.
   *
   * @throws IllegalArgumentException if {@code partitions} is below 1
   */
  public static int groupOf(String bandKey, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    return Utils.toPositive(Utils.murmur2(bandKey.getBytes(UTF_8))) % partitions;
  }

  /**
   * Sends each probe record to its group's partition. The topic has exactly as many partitions as
   * the groups were made for, so the modulo changes nothing there; it only folds every group into
   * the single partition of {@code TopologyTestDriver}.
   */
  public static StreamPartitioner<String, BandProbes> partitioner() {
    return (topic, postKey, probes, partitions) -> Optional.of(Set.of(probes.group() % partitions));
  }
}

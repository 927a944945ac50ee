package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class RepostProbesTest {
  private static final Instant T0 = Instant.parse("2025-03-02T08:00:00Z");
  private static final AlertingPost POST =
      new AlertingPost(
          "telegram:rihla_italia:1",
          T0,
          "x-00",
          MinHash.signature(
              Fingerprint.of("قارب إلى إيطاليا كل يوم جمعة، المكان مضمون، الدفع عند الوصول")
                  .shingles()),
          "{}".getBytes(UTF_8),
          "telegram:rihla_italia",
          Map.of());

  @Test
  void everyBandIsAskedOnceInTheGroupOfItsPartition() {
    List<KeyValue<String, BandProbes>> probes = RepostProbes.of(POST, 4);

    assertThat(probes).hasSizeBetween(1, 4);
    assertThat(probes).extracting(probe -> probe.key).containsOnly(POST.postKey());
    assertThat(probes).extracting(probe -> probe.value.groupCount()).containsOnly(probes.size());
    assertThat(probes.stream().flatMapToInt(probe -> Arrays.stream(probe.value.bands())).sorted())
        .containsExactlyElementsOf(IntStream.range(0, MinHash.BANDS).boxed().toList());
    for (KeyValue<String, BandProbes> probe : probes) {
      for (int band : probe.value.bands()) {
        assertThat(RepostProbes.groupOf(MinHash.bandKey(POST.signature(), band), 4))
            .isEqualTo(probe.value.group());
      }
    }
  }

  @Test
  void oneBandPartitionTakesAllBandsInOneRecord() {
    List<KeyValue<String, BandProbes>> probes = RepostProbes.of(POST, 1);

    assertThat(probes).hasSize(1);
    assertThat(probes.get(0).value.bands())
        .containsExactly(IntStream.range(0, MinHash.BANDS).toArray());
  }

  @Test
  void partitionerSendsAGroupToItsPartitionAndFoldsIntoFewerPartitions() {
    BandProbes third = new BandProbes(POST.postKey(), T0, POST.signature(), new int[] {5, 9}, 3, 4);

    assertThat(RepostProbes.partitioner().partitions("repost-bands", POST.postKey(), third, 4))
        .isEqualTo(Optional.of(Set.of(3)));
    assertThat(RepostProbes.partitioner().partitions("repost-bands", POST.postKey(), third, 1))
        .isEqualTo(Optional.of(Set.of(0)));
  }

  @Test
  void groupOfRejectsNoPartitions() {
    assertThatThrownBy(() -> RepostProbes.groupOf("b03-00ff", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partitions must be at least 1, was 0");
  }

  @Test
  void bandKeysKeepTheirStoredFormatTwoDigitBandAndSixteenLowercaseHexDigits() {
    // Band store entries written by earlier releases must still be found: the key format is fixed.
    for (int band = 0; band < MinHash.BANDS; band++) {
      String key = MinHash.bandKey(POST.signature(), band);
      assertThat(key).matches("b\\d\\d-[0-9a-f]{16}");
      long hash = Long.parseUnsignedLong(key.substring(4), 16);
      assertThat(key).isEqualTo(String.format(Locale.ROOT, "b%02d-%016x", band, hash));
    }
    assertThat(MinHash.bandKey(POST.signature(), 7)).startsWith("b07-");
    assertThat(MinHash.bandKey(POST.signature(), 12)).startsWith("b12-");
  }
}

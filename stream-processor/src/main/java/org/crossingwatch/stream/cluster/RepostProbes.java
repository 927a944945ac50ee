package org.crossingwatch.stream.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.crossingwatch.model.ScoredPost;

/** Turns an alerting post into its lookup keys: its exact fingerprint and its band probes. */
public final class RepostProbes {
  private RepostProbes() {}

  /**
   * The exact-fingerprint key ({@link Fingerprint#exactKey()}) of an alerting post's text.
   *
   * @param postKey the post's key (unused: the post carries it)
   */
  public static String fingerprintKey(String postKey, ScoredPost scored) {
    return Fingerprint.of(scored.post().text()).exactKey();
  }

  /**
   * One probe per band, keyed by the band key; the first carries the post.
   *
   * @param postKey the post's key (unused: the post carries it)
   */
  public static List<KeyValue<String, BandProbe>> of(String postKey, ScoredPost scored) {
    int[] signature = MinHash.signature(Fingerprint.of(scored.post().text()).shingles());
    List<KeyValue<String, BandProbe>> probes = new ArrayList<>(MinHash.BANDS);
    for (int band = 0; band < MinHash.BANDS; band++) {
      probes.add(
          KeyValue.pair(
              MinHash.bandKey(signature, band),
              new BandProbe(
                  scored.post().key(),
                  scored.post().collectedAt(),
                  signature,
                  MinHash.BANDS,
                  band == 0 ? Optional.of(scored) : Optional.empty())));
    }
    return probes;
  }
}

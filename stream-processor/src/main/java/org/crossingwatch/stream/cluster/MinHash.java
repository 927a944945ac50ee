package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;

/**
 * MinHash signatures with banded locality-sensitive lookup, kept deliberately small: {@value
 * #HASHES} 32-bit minimums in {@value #BANDS} bands of {@value #ROWS}. Two shingle sets with
 * Jaccard similarity {@code s} share at least one band with probability {@code 1 - (1 - s^4)^16}:
 * about 0.89 at s = 0.6, 0.99 at s = 0.75, 0.64 at s = 0.5; an exact repost shares all of them.
 * Candidates found through a band are then checked with {@link #similarity(int[], int[])}.
 * Stateless and thread-safe; the seeds are fixed, so every instance of every version of the
 * pipeline computes the same signatures (they are stored in state and sent between instances).
 */
public final class MinHash {
  /** Hash functions per signature. */
  public static final int HASHES = 64;

  /** Bands used as lookup keys. */
  public static final int BANDS = 16;

  /** Signature rows per band. */
  public static final int ROWS = HASHES / BANDS;

  private static final long[] SEEDS = seeds();

  private MinHash() {}

  /**
   * The signature of a shingle set; an empty set has the signature of the one shingle {@code ""}.
   *
   * @throws NullPointerException if {@code shingles} is null
   */
  public static int[] signature(Collection<String> shingles) {
    Objects.requireNonNull(shingles, "shingles must not be null");
    int[] signature = new int[HASHES];
    java.util.Arrays.fill(signature, Integer.MAX_VALUE);
    Collection<String> all = shingles.isEmpty() ? java.util.List.of("") : shingles;
    for (String shingle : all) {
      long base = fnv1a(shingle);
      for (int i = 0; i < HASHES; i++) {
        int h = (int) (mix(base ^ SEEDS[i]) >>> 33);
        if (h < signature[i]) {
          signature[i] = h;
        }
      }
    }
    return signature;
  }

  /**
   * The lookup key of one band: its index and a hash of its rows, for example {@code
   * b07-3f2a9c01d4e5b6a7}.
   *
   * @throws IllegalArgumentException if the band or the signature length is out of range
   */
  public static String bandKey(int[] signature, int band) {
    checkLength(signature);
    if (band < 0 || band >= BANDS) {
      throw new IllegalArgumentException("band must be in [0, " + BANDS + "), was " + band);
    }
    long h = band;
    for (int row = 0; row < ROWS; row++) {
      h = mix(h * 31 + signature[band * ROWS + row]);
    }
    // Built by hand: String.format was a measurable cost, 16 keys for each alerting post.
    return (band < 10 ? "b0" : "b") + band + '-' + HexFormat.of().toHexDigits(h);
  }

  /** The share of equal minimums: an estimate of the Jaccard similarity of the two sets. */
  public static double similarity(int[] a, int[] b) {
    checkLength(a);
    checkLength(b);
    int equal = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return equal / (double) HASHES;
  }

  private static void checkLength(int[] signature) {
    Objects.requireNonNull(signature, "signature must not be null");
    if (signature.length != HASHES) {
      throw new IllegalArgumentException(
          "signature must have " + HASHES + " values, had " + signature.length);
    }
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole word. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[HASHES];
    long state = 0x5eedc0ffeeL;
    for (int i = 0; i < HASHES; i++) {
      state += 0x9e3779b97f4a7c15L;
      seeds[i] = mix(state);
    }
    return seeds;
  }
}

package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.normalize.Normalizer;

/**
 * What stays of a post's text once everything a reposter likes to change is taken out: the words of
 * the {@linkplain Normalizer normalised} text in lower case, without links, handles, hashtags,
 * e-mail addresses, numbers (so phones and prices in any format), emojis, flags and punctuation.
 * Its shingles (each word and each pair of neighbouring words) feed {@link MinHash}; single words
 * keep a moved line from looking like a different ad, word pairs keep two ads with the same
 * vocabulary apart.
 *
 * @param words the remaining words in text order; empty when nothing but contacts, numbers and
 *     symbols was left
 */
public record Fingerprint(List<String> words) {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{M}]+");

  public Fingerprint {
    words = List.copyOf(Objects.requireNonNull(words, "words must not be null"));
  }

  /**
   * The fingerprint of a post text.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static Fingerprint of(String text) {
    Objects.requireNonNull(text, "text must not be null");
    String normalized = Normalizer.normalize(text).text().toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String token : WHITESPACE.split(normalized)) {
      if (isContactOrSymbolToken(token)) {
        continue;
      }
      for (String word : NOT_A_LETTER.split(token)) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    return new Fingerprint(words);
  }

  /**
   * The shingles to hash: every word and every pair of neighbouring words. A fingerprint without
   * words has none.
   */
  public Set<String> shingles() {
    Set<String> shingles = new LinkedHashSet<>(words);
    for (int i = 1; i < words.size(); i++) {
      shingles.add(words.get(i - 1) + ' ' + words.get(i));
    }
    return shingles;
  }

  /** The words joined by single spaces, as UTF-8 bytes; equal for exact reposts. */
  public byte[] canonicalBytes() {
    return String.join(" ", words).getBytes(UTF_8);
  }

  /**
   * The lookup key of identical copies: {@code x-} and the first 128 bits of the SHA-256 of {@link
   * #canonicalBytes()} in hex, for example {@code x-3f2a9c01d4e5b6a78c0d1e2f3a4b5c6d}. Equal
   * exactly when the words are equal (up to a hash collision).
   */
  public String exactKey() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalBytes());
      return "x-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static boolean isContactOrSymbolToken(String token) {
    return token.contains("://")
        || token.startsWith("www.")
        || token.contains("t.me/")
        || token.contains("wa.me/")
        || token.startsWith("@")
        || token.startsWith("#")
        || token.contains("@")
        // The normaliser's rule-addressable tokens for emojis, flags and currency signs.
        || token.startsWith("emoji_")
        || token.startsWith("flag_")
        || token.startsWith("currency_");
  }
}

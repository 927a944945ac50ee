package org.crossingwatch.classifier.evaluation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.model.Post;

/**
 * One post with its label, as a line of {@code data/corpus/*.jsonl} gives it.
 *
 * @param id the post's id, not blank
 * @param text the post's text
 * @param label 1 for an offer of smuggling services or fake documents, 0 otherwise
 * @param lang the main language, if labelled
 * @param kind what sort of post it is ({@code offer-boat}, {@code news}...), if labelled
 * @param obfuscated whether the offer was written to dodge keyword filters
 */
public record LabelledPost(
    String id,
    String text,
    int label,
    Optional<String> lang,
    Optional<String> kind,
    boolean obfuscated) {

  /** Kind of the negatives that are not hard negatives: small talk. */
  public static final String CHAT = "chat";

  public LabelledPost {
    requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank, was '" + id + "'");
    }
    requireNonNull(text, "text");
    if (label != 0 && label != 1) {
      throw new IllegalArgumentException("label of " + id + " must be 0 or 1, was " + label);
    }
    requireNonNull(lang, "lang");
    requireNonNull(kind, "kind");
  }

  /** Whether the post is an offer. */
  public boolean offer() {
    return label == 1;
  }

  /** A negative other than small talk: news, warnings, legitimate services, stories, questions. */
  public boolean hardNegative() {
    return label == 0 && !kind.orElse("").equals(CHAT);
  }

  /**
   * This post as a {@link Post} on platform {@code corpus}, channel {@code labelled}, with the
   * external id {@link #id()}, collected at the epoch, its capture hash the SHA-256 of the text.
   */
  public Post toPost() {
    return new Post(
        0,
        null,
        "corpus",
        "labelled",
        id,
        Optional.empty(),
        Optional.empty(),
        text,
        Optional.empty(),
        Optional.empty(),
        Instant.EPOCH,
        List.of(),
        Optional.empty(),
        sha256(text));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

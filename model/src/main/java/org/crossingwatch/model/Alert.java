package org.crossingwatch.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.crossingwatch.model.Fields.list;
import static org.crossingwatch.model.Fields.required;
import static org.crossingwatch.model.Fields.requiredText;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * An alert for officers: the first post of an ad, its verdict, and where the ad was seen. Alerts
 * are upserts keyed by {@link #alertId()}; a repost updates the same alert.
 *
 * @param schemaVersion the record's schema version
 * @param alertId stable id derived from the first post's key ({@link #idFor(String)})
 * @param post the post that raised the alert
 * @param verdict its verdict
 * @param firstSeen when the ad was first collected
 * @param lastSeen when it was last collected
 * @param repostCount how many times it was seen in all (1 for a single post)
 * @param channels the channels it was seen in, first sighting first
 * @param links for each entity of the post that triggered this version (phone, handle, wallet, link
 *     domain) that other alerts carry too, how many alerts and channels share it; empty when none
 *     does (and in JSON written before links existed)
 */
public record Alert(
    int schemaVersion,
    String alertId,
    Post post,
    Verdict verdict,
    Instant firstSeen,
    Instant lastSeen,
    int repostCount,
    List<String> channels,
    List<EntityLink> links) {

  public Alert {
    schemaVersion = Fields.schemaVersion(schemaVersion);
    requiredText(alertId, "Alert", "alertId");
    required(post, "Alert", "post");
    required(verdict, "Alert", "verdict");
    required(firstSeen, "Alert", "firstSeen");
    required(lastSeen, "Alert", "lastSeen");
    if (repostCount < 1) {
      throw new IllegalArgumentException(
          "Alert repostCount must be at least 1, was " + repostCount);
    }
    channels = list(channels);
    links = list(links);
  }

  /** An alert without entity links. */
  public Alert(
      int schemaVersion,
      String alertId,
      Post post,
      Verdict verdict,
      Instant firstSeen,
      Instant lastSeen,
      int repostCount,
      List<String> channels) {
    this(
        schemaVersion,
        alertId,
        post,
        verdict,
        firstSeen,
        lastSeen,
        repostCount,
        channels,
        List.of());
  }

  /** This alert with {@code links} instead of its own. */
  public Alert withLinks(List<EntityLink> links) {
    return new Alert(
        schemaVersion, alertId, post, verdict, firstSeen, lastSeen, repostCount, channels, links);
  }

  /** The alert for a post seen once. */
  public static Alert firstSighting(Post post, Verdict verdict) {
    return new Alert(
        SchemaVersion.CURRENT,
        idFor(post.key()),
        post,
        verdict,
        post.collectedAt(),
        post.collectedAt(),
        1,
        List.of(post.platform() + ":" + post.channel()));
  }

  /**
   * The alert id for a post key: {@code cw-} and the first 16 hex digits of its SHA-256. Stable, so
   * re-scoring the same post after a restart upserts the same alert instead of making a new one.
   */
  public static String idFor(String postKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(postKey.getBytes(UTF_8));
      return "cw-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

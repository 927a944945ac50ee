package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.list;
import static org.crossingwatch.model.Fields.optional;
import static org.crossingwatch.model.Fields.required;
import static org.crossingwatch.model.Fields.requiredText;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One public post as a collector captured it. The text is kept exactly as published; every
 * normalised form is derived from it, never stored in its place.
 *
 * @param schemaVersion the record's schema version (0 or absent reads as current)
 * @param key {@code platform:channel:externalId}; derived when absent, rejected when it disagrees
 * @param platform where the post was published ({@code telegram}, {@code facebook}, {@code jsonl})
 * @param channel channel, group, account or feed name on that platform
 * @param externalId the platform's id of the post
 * @param url link to the original post
 * @param author author name or handle as shown
 * @param text the post's text exactly as published
 * @param languageHint language the platform declared, if any (BCP 47)
 * @param publishedAt when the platform says it was published
 * @param collectedAt when we captured it
 * @param links links found in the post
 * @param forwardedFrom the channel or account it was forwarded from
 * @param captureSha256 hex SHA-256 of the raw capture (the bytes we fetched or read)
 */
public record Post(
    int schemaVersion,
    String key,
    String platform,
    String channel,
    String externalId,
    Optional<String> url,
    Optional<String> author,
    String text,
    Optional<String> languageHint,
    Optional<Instant> publishedAt,
    Instant collectedAt,
    List<String> links,
    Optional<String> forwardedFrom,
    String captureSha256) {

  public Post {
    schemaVersion = Fields.schemaVersion(schemaVersion);
    requiredText(platform, "Post", "platform");
    requiredText(channel, "Post", "channel");
    requiredText(externalId, "Post", "externalId");
    required(text, "Post", "text");
    required(collectedAt, "Post", "collectedAt");
    requiredText(captureSha256, "Post", "captureSha256");
    String derived = keyOf(platform, channel, externalId);
    if (key == null) {
      key = derived;
    } else if (!key.equals(derived)) {
      throw new IllegalArgumentException(
          "Post key '" + key + "' does not match platform:channel:externalId '" + derived + "'");
    }
    url = optional(url);
    author = optional(author);
    languageHint = optional(languageHint);
    publishedAt = optional(publishedAt);
    links = list(links);
    forwardedFrom = optional(forwardedFrom);
  }

  /** The post key used on every topic: {@code platform:channel:externalId}. */
  public static String keyOf(String platform, String channel, String externalId) {
    return platform + ":" + channel + ":" + externalId;
  }

  /** A copy with another text, for scoring a truncated version of an oversized post. */
  public Post withText(String newText) {
    return new Post(
        schemaVersion,
        key,
        platform,
        channel,
        externalId,
        url,
        author,
        newText,
        languageHint,
        publishedAt,
        collectedAt,
        links,
        forwardedFrom,
        captureSha256);
  }
}

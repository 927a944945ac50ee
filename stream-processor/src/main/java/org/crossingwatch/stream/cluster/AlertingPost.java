package org.crossingwatch.stream.cluster;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.ScoredPost;

/**
 * An alerting post on its way through the clustering steps: what the lookups and the link step need
 * (keys, time, MinHash signature, channel, entity link keys), computed once when the post is
 * scored, and the scored post as the JSON bytes already written to {@code cw.posts.scored}, read
 * again only when the post opens a cluster. Sent between the steps with {@link
 * ClusterSerdes#alertingPosts()}.
 *
 * @param postKey the post's key
 * @param collectedAt when it was collected
 * @param exactKey its {@link Fingerprint#exactKey()}
 * @param signature the MinHash signature of its fingerprint's shingles ({@value MinHash#HASHES}
 *     values)
 * @param scoredPostJson the {@link ScoredPost} as JSON (UTF-8)
 * @param channel {@code platform:channel} of the post
 * @param entities the post's entity link keys in text order, each with its entity type name, so a
 *     repost's alert version is linked without reading its JSON
 */
public record AlertingPost(
    String postKey,
    Instant collectedAt,
    String exactKey,
    int[] signature,
    byte[] scoredPostJson,
    String channel,
    Map<String, String> entities) {
  public AlertingPost {
    Objects.requireNonNull(postKey, "postKey must not be null");
    Objects.requireNonNull(collectedAt, "collectedAt must not be null");
    Objects.requireNonNull(exactKey, "exactKey must not be null");
    Objects.requireNonNull(signature, "signature must not be null");
    Objects.requireNonNull(scoredPostJson, "scoredPostJson must not be null");
    Objects.requireNonNull(channel, "channel must not be null");
    entities =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(entities, "entities must not be null")));
    if (signature.length != MinHash.HASHES) {
      throw new IllegalArgumentException(
          "signature must have " + MinHash.HASHES + " values, had " + signature.length);
    }
  }

  /**
   * The alerting post of {@code scored}, whose JSON is {@code json} and whose entity link keys are
   * {@code entities}: fingerprints its text once.
   *
   * @throws NullPointerException if an argument is null
   */
  public static AlertingPost of(ScoredPost scored, byte[] json, Map<String, String> entities) {
    Objects.requireNonNull(scored, "scored must not be null");
    Post post = scored.post();
    Fingerprint fingerprint = Fingerprint.of(post.text());
    return new AlertingPost(
        post.key(),
        post.collectedAt(),
        fingerprint.exactKey(),
        MinHash.signature(fingerprint.shingles()),
        json,
        post.platform() + ":" + post.channel(),
        entities);
  }

  /** The scored post, read from its JSON. */
  public ScoredPost scoredPost() {
    return Json.read(scoredPostJson, ScoredPost.class);
  }

  /** This post as a cluster candidate: its key and collection time. */
  Candidate asCandidate() {
    return new Candidate(postKey, collectedAt);
  }
}

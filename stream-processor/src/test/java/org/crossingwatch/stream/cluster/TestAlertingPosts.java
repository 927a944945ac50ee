package org.crossingwatch.stream.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Map;

/** Alerting posts for the clustering steps' processor tests. */
final class TestAlertingPosts {
  private TestAlertingPosts() {}

  /**
   * An alerting post of {@code text}, its channel taken from {@code key} ({@code
   * platform:channel:id}), with no entities and an empty JSON post.
   */
  static AlertingPost of(String text, String key, Instant collectedAt) {
    Fingerprint fingerprint = Fingerprint.of(text);
    return new AlertingPost(
        key,
        collectedAt,
        fingerprint.exactKey(),
        MinHash.signature(fingerprint.shingles()),
        "{}".getBytes(UTF_8),
        key.substring(0, key.lastIndexOf(':')),
        Map.of());
  }
}

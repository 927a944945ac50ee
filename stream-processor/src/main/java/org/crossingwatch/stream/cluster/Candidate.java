package org.crossingwatch.stream.cluster;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A post that a band says came first, and so may be the cluster a later post joins.
 *
 * @param postKey the earlier post
 * @param collectedAt when it was collected
 */
public record Candidate(String postKey, Instant collectedAt) {
  /** Earliest collected first, then by key: every instance picks the same cluster. */
  public static final Comparator<Candidate> EARLIEST =
      Comparator.comparing(Candidate::collectedAt).thenComparing(Candidate::postKey);

  public Candidate {
    Objects.requireNonNull(postKey, "postKey must not be null");
    Objects.requireNonNull(collectedAt, "collectedAt must not be null");
  }
}

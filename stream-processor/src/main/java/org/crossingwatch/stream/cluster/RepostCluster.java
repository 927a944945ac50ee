package org.crossingwatch.stream.cluster;

import java.util.List;
import java.util.Objects;
import org.crossingwatch.model.Alert;

/**
 * The value of the cluster store: the cluster's alert as last published and the posts in it.
 *
 * @param alert the alert, with repost count, channels, first and last seen
 * @param memberKeys the keys of the posts in the cluster, so a post delivered twice counts once
 * @param touchedAt record time (epoch ms) of the last post, for expiry
 */
public record RepostCluster(Alert alert, List<String> memberKeys, long touchedAt) {
  public RepostCluster {
    Objects.requireNonNull(alert, "alert must not be null");
    memberKeys = List.copyOf(Objects.requireNonNull(memberKeys, "memberKeys must not be null"));
  }
}

package org.crossingwatch.stream.cluster;

import java.util.Objects;
import org.crossingwatch.model.Alert;

/**
 * An alert as it is published after one post reached its cluster.
 *
 * @param alert the new or updated alert
 * @param trigger the post that caused this version, with its own channel and entities
 * @param repost whether the post joined an existing cluster; when not, the alert's post and verdict
 *     are the trigger's
 */
public record AlertUpdate(Alert alert, AlertingPost trigger, boolean repost) {
  public AlertUpdate {
    Objects.requireNonNull(alert, "alert must not be null");
    Objects.requireNonNull(trigger, "trigger must not be null");
  }
}

package org.crossingwatch.delivery.limits;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossingwatch.model.Alert;

/**
 * Decides which alert upserts reach people: the first time an alert id is seen it is {@link
 * Decision#NEW}; a later update is {@link Decision#REPOST} only when its repost count reaches a
 * threshold the previous update had not reached; everything else (re-scores, small repost steps,
 * replays) is {@link Decision#SKIP}.
 *
 * <p>The gate remembers the highest repost count per alert id. It is deterministic, so replaying
 * the already-committed part of {@code cw.alerts} through {@link #decide} after a restart rebuilds
 * exactly the state it had. Thread-safe.
 */
public final class RepostGate {
  /** What to do with one alert upsert. */
  public enum Decision {
    NEW,
    REPOST,
    SKIP
  }

  private final List<Integer> thresholds;
  private final Map<String, Integer> highestCount = new HashMap<>();

  /**
   * @param thresholds repost counts at which an update is delivered again, for example {@code [5,
   *     20, 100]}; empty means reposts are never delivered again
   */
  public RepostGate(List<Integer> thresholds) {
    this.thresholds = List.copyOf(requireNonNull(thresholds, "thresholds"));
  }

  /** Decides about {@code alert} and remembers it. */
  public synchronized Decision decide(Alert alert) {
    Integer previous = highestCount.get(alert.alertId());
    int count = alert.repostCount();
    if (previous == null) {
      highestCount.put(alert.alertId(), count);
      return Decision.NEW;
    }
    if (count <= previous) {
      return Decision.SKIP;
    }
    highestCount.put(alert.alertId(), count);
    for (int threshold : thresholds) {
      if (previous < threshold && count >= threshold) {
        return Decision.REPOST;
      }
    }
    return Decision.SKIP;
  }

  /** How many alert ids the gate remembers. */
  public synchronized int size() {
    return highestCount.size();
  }
}

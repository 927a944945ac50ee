package org.crossingwatch.stream.links;

import java.util.List;
import java.util.Objects;
import org.crossingwatch.model.EntityLink;

/**
 * The value of the alert-link store, kept small because every entity answer rewrites it: the alert
 * versions waiting for their entity answers, and the newest version published. The waiting alerts
 * themselves are in {@link WaitingAlert}s, written once each.
 *
 * @param published the {@code repostCount} of the newest version published; 0 before the first
 * @param waiting the versions still waiting
 * @param touchedAt record time (epoch ms) of the last record, for expiry
 */
public record PendingLinks(int published, List<Version> waiting, long touchedAt) {
  public PendingLinks {
    waiting = List.copyOf(Objects.requireNonNull(waiting, "waiting must not be null"));
  }

  /**
   * One alert version and the answers it has so far.
   *
   * @param alertVersion its {@code repostCount}
   * @param alertArrived whether the answer carrying the version itself came (the version then waits
   *     in the alert-version store)
   * @param otherAnswers how many answers without the version it waits for, once that answer came
   * @param answers how many answers without the version came
   * @param links the link summaries among all its answers
   */
  public record Version(
      int alertVersion,
      boolean alertArrived,
      int otherAnswers,
      int answers,
      List<EntityLink> links) {
    public Version {
      links = List.copyOf(Objects.requireNonNull(links, "links must not be null"));
    }

    boolean complete() {
      return alertArrived && answers >= otherAnswers;
    }
  }
}

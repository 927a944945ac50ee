package org.crossingwatch.console.view;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.crossingwatch.model.Decision;

/** Where an alert stands in triage: its latest decision, or {@link #NEW} before any. */
public enum TriageStatus {
  NEW,
  CONFIRMED,
  FALSE_POSITIVE,
  ESCALATED;

  /** The status a decision puts an alert in. */
  public static TriageStatus of(Decision.Outcome outcome) {
    return valueOf(outcome.name());
  }

  /** The name used in URLs and JSON: {@code new}, {@code confirmed}, {@code false_positive}... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a status as written in a URL; {@code false-positive} and any case are accepted.
   *
   * @throws IllegalArgumentException naming the bad value and the allowed ones
   */
  public static TriageStatus parse(String value) {
    String wanted = value == null ? "" : value.strip().replace('-', '_');
    for (TriageStatus status : values()) {
      if (status.id().equalsIgnoreCase(wanted)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "status must be one of "
            + Arrays.stream(values()).map(TriageStatus::id).collect(Collectors.joining(", "))
            + ", was '"
            + value
            + "'");
  }
}

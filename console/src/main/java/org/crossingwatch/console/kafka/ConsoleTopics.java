package org.crossingwatch.console.kafka;

import java.util.List;
import java.util.Objects;
import org.crossingwatch.model.Topics;

/**
 * The topics the console reads and writes. Production uses {@link #standard()}; tests that share a
 * broker give each console its own names.
 *
 * @param alerts alert upserts, read
 * @param feedback triage decisions, read and written
 * @param audit audit events, read and written
 */
public record ConsoleTopics(String alerts, String feedback, String audit) {
  public ConsoleTopics {
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(audit, "audit");
  }

  /** {@code cw.alerts}, {@code cw.feedback}, {@code cw.audit}. */
  public static ConsoleTopics standard() {
    return new ConsoleTopics(Topics.ALERTS, Topics.FEEDBACK, Topics.AUDIT);
  }

  /** All three names. */
  public List<String> all() {
    return List.of(alerts, feedback, audit);
  }
}

package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.required;
import static org.crossingwatch.model.Fields.requiredText;

import java.time.Instant;
import java.util.Optional;

/**
 * An officer's triage decision about an alert, as written to {@code cw.feedback}. A later decision
 * for the same alert replaces the earlier one; the topic keeps the history.
 *
 * @param schemaVersion the record's schema version
 * @param alertId the alert decided on
 * @param outcome what the officer decided
 * @param officer who decided
 * @param note optional free text
 * @param decidedAt when
 */
public record Decision(
    int schemaVersion,
    String alertId,
    Outcome outcome,
    String officer,
    Optional<String> note,
    Instant decidedAt) {

  /** The triage outcomes an officer can choose. */
  public enum Outcome {
    CONFIRMED,
    FALSE_POSITIVE,
    ESCALATED
  }

  public Decision {
    schemaVersion = Fields.schemaVersion(schemaVersion);
    requiredText(alertId, "Decision", "alertId");
    required(outcome, "Decision", "outcome");
    requiredText(officer, "Decision", "officer");
    note = Fields.optional(note);
    required(decidedAt, "Decision", "decidedAt");
  }
}

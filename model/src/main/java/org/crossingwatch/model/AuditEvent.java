package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.required;
import static org.crossingwatch.model.Fields.requiredText;

import java.time.Instant;
import java.util.Map;

/**
 * One audited action: a view, search, decision or export, as written to {@code cw.audit}.
 *
 * @param schemaVersion the record's schema version
 * @param user who acted
 * @param action what they did, for example {@code alert.view}
 * @param target what they acted on, for example an alert id
 * @param at when
 * @param details further facts about the action (never secrets)
 */
public record AuditEvent(
    int schemaVersion,
    String user,
    String action,
    String target,
    Instant at,
    Map<String, String> details) {

  public AuditEvent {
    schemaVersion = Fields.schemaVersion(schemaVersion);
    requiredText(user, "AuditEvent", "user");
    requiredText(action, "AuditEvent", "action");
    required(target, "AuditEvent", "target");
    required(at, "AuditEvent", "at");
    details = Fields.map(details);
  }
}

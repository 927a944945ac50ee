package org.crossingwatch.console.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Json;

/**
 * An alert as the console shows it: the {@link Alert} plus the explanation fields newer classifiers
 * add to the verdict ({@code verdict.spans}, {@code verdict.entities}). When the verdict has no
 * entities, the console extracts them itself ({@link EntityExtractor}), so phones, handles and
 * wallets can be searched either way.
 *
 * @param alert the alert as read from {@code cw.alerts}
 * @param spans the matched spans, empty when the verdict has none
 * @param entities the entities, from the verdict or extracted here
 */
public record AlertRecord(Alert alert, List<Span> spans, List<Entity> entities) {
  public AlertRecord {
    Objects.requireNonNull(alert, "alert");
    spans = List.copyOf(spans);
    entities = List.copyOf(entities);
  }

  /**
   * The record for an alert: the verdict's spans (those that fit the text) and entities; when the
   * verdict has no entities, the console's own extraction.
   */
  public static AlertRecord of(Alert alert) {
    String text = alert.post().text();
    List<Span> spans = new ArrayList<>();
    for (org.crossingwatch.model.Span s : alert.verdict().spans()) {
      if (s.end() <= text.length()) {
        spans.add(new Span(s.start(), s.end(), s.ruleId(), s.category()));
      }
    }
    spans.sort(Comparator.comparingInt(Span::start));
    List<Entity> entities =
        alert.verdict().entities().isEmpty()
            ? EntityExtractor.extract(text)
            : alert.verdict().entities().stream().map(AlertRecord::entity).toList();
    return new AlertRecord(alert, spans, entities);
  }

  /**
   * Reads a {@code cw.alerts} value.
   *
   * @throws org.crossingwatch.model.InvalidJsonException when the bytes are not a valid alert
   */
  public static AlertRecord parse(byte[] json) {
    return of(Json.read(json, Alert.class));
  }

  private static Entity entity(ExtractedEntity e) {
    String type = e.type().name().toLowerCase(Locale.ROOT);
    String normalized =
        e.type() == ExtractedEntity.Type.HANDLE
            ? e.normalized().replaceFirst("^@", "").toLowerCase(Locale.ROOT)
            : e.normalized();
    return new Entity(type, e.value(), normalized, e.start(), e.end());
  }

  /** Shorthand for the alert's id. */
  public String id() {
    return alert.alertId();
  }
}

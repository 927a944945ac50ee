package org.crossingwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crossingwatch.console.auth.Session;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.console.view.EventSink;
import org.crossingwatch.console.view.FeedFilter;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.SchemaVersion;

/**
 * The feed, one alert's detail and history, and triage decisions. Recorded decisions are counted in
 * {@value #DECISIONS} by {@code outcome} ({@code confirmed}, {@code false_positive}, {@code
 * escalated}), every outcome registered at start so a dashboard shows zeros, not gaps.
 */
final class AlertsApi {
  /** Triage decisions recorded, by outcome. */
  static final String DECISIONS = "crossingwatch.console.decisions";

  private static final String DECISION_EXAMPLE =
      "{\"outcome\": \"confirmed\", \"note\": \"same number as last week\"}";
  private static final int MAX_NOTE = 2000;

  private final AlertStore store;
  private final EventSink sink;
  private final Auditor auditor;
  private final Clock clock;
  private final Map<Decision.Outcome, Counter> decisions = new EnumMap<>(Decision.Outcome.class);

  AlertsApi(
      AlertStore store, EventSink sink, Auditor auditor, Clock clock, MeterRegistry registry) {
    this.store = store;
    this.sink = sink;
    this.auditor = auditor;
    this.clock = clock;
    for (Decision.Outcome outcome : Decision.Outcome.values()) {
      decisions.put(
          outcome,
          Counter.builder(DECISIONS)
              .description("Triage decisions recorded in the console, by outcome")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  void feed(Context ctx) {
    FeedFilter filter = FeedFilter.fromQuery(ctx.queryParamMap());
    List<Map<String, Object>> alerts =
        store.feed(filter).stream().map(r -> AlertJson.summary(r, store)).toList();
    ctx.json(Map.of("alerts", alerts));
  }

  void detail(Context ctx) {
    AlertRecord record = known(ctx.pathParam("id"));
    Session session = WebSecurity.session(ctx);
    auditor.record(ctx, session.user(), "alert.view", record.id(), Map.of());
    ctx.json(AlertJson.detail(record, store));
  }

  void history(Context ctx) {
    AlertRecord record = known(ctx.pathParam("id"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("alertId", record.id());
    json.put("status", store.status(record.id()).id());
    json.put("history", store.history(record.id()));
    ctx.json(json);
  }

  void decide(Context ctx) {
    AlertRecord record = known(ctx.pathParam("id"));
    Session session = WebSecurity.session(ctx);
    JsonNode body = Bodies.object(ctx, DECISION_EXAMPLE);
    Decision.Outcome outcome = outcome(Bodies.requiredText(body, "outcome", DECISION_EXAMPLE));
    Optional<String> note = Bodies.optionalText(body, "note", MAX_NOTE);
    Decision decision =
        new Decision(
            SchemaVersion.CURRENT, record.id(), outcome, session.user(), note, clock.instant());
    try {
      sink.decision(decision);
    } catch (IllegalStateException e) {
      throw new ApiException(503, "The decision was not recorded, try again: " + e.getMessage());
    }
    decisions.get(outcome).increment();
    auditor.record(ctx, session.user(), "decision", record.id(), Map.of("outcome", outcome.name()));
    ctx.status(201).json(decision);
  }

  private AlertRecord known(String id) {
    return store
        .alert(id)
        .orElseThrow(() -> new ApiException(404, "No alert with id '" + id + "'"));
  }

  private static Decision.Outcome outcome(String value) {
    String wanted = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (Decision.Outcome outcome : Decision.Outcome.values()) {
      if (outcome.name().equals(wanted)) {
        return outcome;
      }
    }
    throw ApiException.badRequest(
        "outcome must be one of "
            + Arrays.stream(Decision.Outcome.values())
                .map(o -> o.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", was '"
            + value
            + "'");
  }
}

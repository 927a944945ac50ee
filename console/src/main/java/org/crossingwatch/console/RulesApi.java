package org.crossingwatch.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crossingwatch.console.auth.Session;
import org.crossingwatch.console.rulestats.RuleStatistics;
import org.crossingwatch.console.rulestats.RuleStats;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Decision;

/**
 * The analysts' rules page: per-rule hits, alerts, decisions and precision over a window of days,
 * and the example alerts of one rule. Every view is audited. Post text reaches the page only as
 * JSON, which the page's script puts in {@code textContent}.
 */
final class RulesApi {
  private static final String BASE = "/org/crossingwatch/console/web/";
  private static final int EXAMPLES = 20;
  private static final int EXCERPT = 280;

  private final AlertStore store;
  private final Auditor auditor;
  private final Clock clock;
  private final byte[] page = load("rules.html");
  private final byte[] script = load("rules.js");

  RulesApi(AlertStore store, Auditor auditor, Clock clock) {
    this.store = store;
    this.auditor = auditor;
    this.clock = clock;
  }

  void page(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  void script(Context ctx) {
    ctx.contentType("text/javascript; charset=utf-8").result(script);
  }

  /** {@code GET /api/rules/stats?days=7&order=precision|volume}. */
  void stats(Context ctx) {
    int days =
        ctx.queryParamAsClass("days", Integer.class)
            .check(n -> n >= 1 && n <= 3650, "days must be between 1 and 3650")
            .getOrDefault(7);
    RuleStatistics.Order order = order(ctx.queryParam("order"));
    Instant until = clock.instant().plusSeconds(1);
    Instant since = until.minus(Duration.ofDays(days));
    List<AlertRecord> records = store.all();
    List<Alert> alerts = records.stream().map(AlertRecord::alert).toList();
    List<Decision> decisions =
        records.stream().flatMap(r -> store.history(r.id()).stream()).toList();
    List<Map<String, Object>> rows =
        RuleStatistics.compute(alerts, decisions, since, until, order).stream()
            .map(RulesApi::row)
            .toList();
    Session session = WebSecurity.session(ctx);
    auditor.record(
        ctx,
        session.user(),
        "rules.stats",
        "rules",
        Map.of("days", Integer.toString(days), "order", order.id()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("since", since);
    json.put("until", until);
    json.put("order", order.id());
    json.put("rules", rows);
    ctx.json(json);
  }

  /** {@code GET /api/rules/{id}/alerts}: the rule's most recent alerts, newest first. */
  void examples(Context ctx) {
    String ruleId = ctx.pathParam("id");
    List<Map<String, Object>> alerts =
        store.all().stream()
            .filter(r -> RuleStatistics.creditedRules(r.alert()).contains(ruleId))
            .limit(EXAMPLES)
            .map(this::example)
            .toList();
    Session session = WebSecurity.session(ctx);
    auditor.record(ctx, session.user(), "rules.examples", ruleId, Map.of());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rule", ruleId);
    json.put("alerts", alerts);
    ctx.json(json);
  }

  private Map<String, Object> example(AlertRecord record) {
    String text = record.alert().post().text();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", record.id());
    json.put("lastSeen", record.alert().lastSeen());
    json.put("score", record.alert().verdict().score());
    json.put("status", store.status(record.id()).id());
    json.put("channel", record.alert().post().platform() + ":" + record.alert().post().channel());
    json.put("excerpt", text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…");
    return json;
  }

  /** One rule's row; {@code precision} is absent while none of its alerts is decided. */
  private static Map<String, Object> row(RuleStats s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rule", s.ruleId());
    json.put("hits", s.hits());
    json.put("alerts", s.alerts());
    json.put("confirmed", s.confirmed());
    json.put("escalated", s.escalated());
    json.put("falsePositives", s.falsePositives());
    if (!Double.isNaN(s.precision())) {
      json.put("precision", s.precision());
    }
    return json;
  }

  private static RuleStatistics.Order order(String value) {
    if (value == null || value.isBlank()) {
      return RuleStatistics.Order.VOLUME;
    }
    for (RuleStatistics.Order order : RuleStatistics.Order.values()) {
      if (order.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return order;
      }
    }
    throw new IllegalArgumentException("order must be precision or volume, was '" + value + "'");
  }

  private static byte[] load(String name) {
    try (InputStream in = RulesApi.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("Console resource missing: " + BASE + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read console resource " + BASE + name, e);
    }
  }
}

package org.crossingwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.User;
import org.crossingwatch.console.auth.Users;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.console.view.TriageStatus;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.RuleHit;

/** Statistics for analysts; users and the audit trail for admins. */
final class AdminApi {
  private static final String USER_EXAMPLE =
      "{\"name\": \"bob\", \"role\": \"officer\", \"password\": \"at least 12 characters\"}";

  /** A user as the API shows it: never the hash. */
  record UserView(String name, String role) {
    static UserView of(User user) {
      return new UserView(user.name(), user.role().id());
    }
  }

  private final Users users;
  private final AlertStore store;
  private final Auditor auditor;

  AdminApi(Users users, AlertStore store, Auditor auditor) {
    this.users = users;
    this.store = store;
    this.auditor = auditor;
  }

  void audit(Context ctx) {
    Optional<String> user = Optional.ofNullable(ctx.queryParam("user")).filter(s -> !s.isBlank());
    Optional<String> action =
        Optional.ofNullable(ctx.queryParam("action")).filter(s -> !s.isBlank());
    Optional<String> target =
        Optional.ofNullable(ctx.queryParam("target")).filter(s -> !s.isBlank());
    int limit =
        ctx.queryParamAsClass("limit", Integer.class)
            .check(n -> n >= 1 && n <= 5000, "limit must be between 1 and 5000")
            .getOrDefault(500);
    Predicate<AuditEvent> filter =
        e ->
            user.map(e.user()::equals).orElse(true)
                && action.map(e.action()::equals).orElse(true)
                && target.map(e.target()::equals).orElse(true);
    ctx.json(Map.of("events", store.audit(filter, limit)));
  }

  void listUsers(Context ctx) {
    List<UserView> list = users.list().stream().map(UserView::of).toList();
    ctx.json(Map.of("users", list));
  }

  void addUser(Context ctx) {
    JsonNode body = Bodies.object(ctx, USER_EXAMPLE);
    String name = Bodies.requiredText(body, "name", USER_EXAMPLE).strip();
    String password = Bodies.requiredText(body, "password", USER_EXAMPLE);
    User user;
    try {
      Role role = Role.parse(Bodies.requiredText(body, "role", USER_EXAMPLE));
      user = users.add(name, role, password.toCharArray());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    auditor.record(
        ctx, WebSecurity.session(ctx).user(), "user.add", name, Map.of("role", user.role().id()));
    ctx.status(201).json(UserView.of(user));
  }

  /** Alerts per status and category, and per rule its hits and precision so far. */
  void stats(Context ctx) {
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byCategory = new TreeMap<>();
    Map<String, int[]> byRule = new TreeMap<>();
    List<AlertRecord> all = store.all();
    for (AlertRecord record : all) {
      TriageStatus status = store.status(record.id());
      byStatus.merge(status.id(), 1, Integer::sum);
      record.alert().verdict().categories().forEach(c -> byCategory.merge(c, 1, Integer::sum));
      for (String ruleId :
          record.alert().verdict().hits().stream().map(RuleHit::ruleId).distinct().toList()) {
        int[] counts = byRule.computeIfAbsent(ruleId, k -> new int[3]);
        counts[0]++;
        if (status == TriageStatus.of(Decision.Outcome.CONFIRMED)
            || status == TriageStatus.ESCALATED) {
          counts[1]++;
        } else if (status == TriageStatus.FALSE_POSITIVE) {
          counts[2]++;
        }
      }
    }
    Map<String, Object> rules = new LinkedHashMap<>();
    byRule.forEach(
        (rule, c) -> {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("alerts", c[0]);
          r.put("confirmed", c[1]);
          r.put("falsePositive", c[2]);
          if (c[1] + c[2] > 0) {
            r.put("precision", (double) c[1] / (c[1] + c[2]));
          }
          rules.put(rule, r);
        });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("alerts", all.size());
    json.put("byStatus", byStatus);
    json.put("byCategory", byCategory);
    json.put("byRule", rules);
    ctx.json(json);
  }
}

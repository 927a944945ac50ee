package org.crossingwatch.console;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.Users;
import org.crossingwatch.console.search.SearchIndex;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.console.view.EventSink;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;

/**
 * Plain-object console services for API tests: what the sink receives goes straight to the view.
 */
final class Fixtures {
  static final String PASSWORD = "correct horse battery";
  static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

  final AlertStore store = new AlertStore();
  final SearchIndex index = SearchIndex.inMemory();
  final List<Decision> decisions = new ArrayList<>();
  final List<AuditEvent> audit = new ArrayList<>();
  final Users users;
  final ConsoleServices services;

  Fixtures(Path dir) {
    users = Users.load(dir.resolve("users.yaml"), new PasswordHasher(64, 1, 1));
    users.add("olga", Role.OFFICER, PASSWORD.toCharArray());
    users.add("anna", Role.ANALYST, PASSWORD.toCharArray());
    users.add("adam", Role.ADMIN, PASSWORD.toCharArray());
    EventSink sink =
        new EventSink() {
          @Override
          public synchronized void decision(Decision decision) {
            decisions.add(decision);
            store.decide(decision);
          }

          @Override
          public synchronized void audit(AuditEvent event) {
            audit.add(event);
            store.audit(event);
          }
        };
    services =
        new ConsoleServices(
            users, store, index, sink, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
  }

  /** The console's HTTP app over these services, with a registry of its own. */
  Javalin server(ConsoleSettings settings) {
    return server(settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** The console's HTTP app over these services, serving metrics from {@code registry}. */
  Javalin server(ConsoleSettings settings, PrometheusMeterRegistry registry) {
    return ConsoleServer.create(settings, registry, List.of(), services);
  }

  void add(Alert alert) {
    AlertRecord record = AlertRecord.of(alert);
    index.add(record);
    store.upsert(record);
  }

  synchronized List<String> auditActions() {
    return audit.stream().map(e -> e.user() + " " + e.action() + " " + e.target()).toList();
  }

  static Alert alert(
      String channel,
      String id,
      String text,
      double score,
      List<String> languages,
      String category,
      Instant seen) {
    Post post =
        new Post(
            0,
            null,
            "telegram",
            channel,
            id,
            Optional.of("https://t.me/" + channel + "/" + id),
            Optional.of("author of " + id),
            text,
            Optional.empty(),
            Optional.of(seen.minusSeconds(60)),
            seen,
            List.of(),
            Optional.empty(),
            "ab".repeat(32));
    Verdict verdict =
        new Verdict(
            0,
            post.key(),
            score,
            true,
            List.of(new RuleHit(category + "-rule", category, languages.get(0), 1.5)),
            Map.of(category, 1.5, "bias", -0.4),
            languages,
            "rules-1",
            seen,
            List.of());
    return Alert.firstSighting(post, verdict);
  }
}

package org.crossingwatch.console.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Decision;

/**
 * The console's in-memory view of {@code cw.alerts}, {@code cw.feedback} and {@code cw.audit}:
 * latest alert per id, every decision per alert (the triage history), the sightings of each ad,
 * links between alerts that share an entity, and the most recent audit events. Rebuilt from the
 * topics at every start. Thread-safe; listeners are called on the writer's thread after each change
 * with the id of the alert that changed.
 */
public final class AlertStore {
  /** How many audit events are kept in memory for the admin page; the topic keeps them all. */
  public static final int AUDIT_CAPACITY = 50_000;

  private final Map<String, AlertRecord> alerts = new HashMap<>();
  private final Map<String, List<Decision>> decisions = new HashMap<>();
  private final Map<String, List<Sighting>> sightings = new HashMap<>();
  private final Map<String, Set<String>> alertsByEntity = new HashMap<>();
  private final Deque<AuditEvent> audit = new ArrayDeque<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  /** Calls {@code listener} with the alert id after every alert or decision change. */
  public void onChange(Consumer<String> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Adds an alert or replaces it with a newer version (a repost updates the cluster). */
  public void upsert(AlertRecord record) {
    Objects.requireNonNull(record, "record");
    synchronized (this) {
      AlertRecord previous = alerts.put(record.id(), record);
      if (previous != null) {
        for (Entity entity : previous.entities()) {
          Set<String> ids = alertsByEntity.get(entityKey(entity));
          if (ids != null) {
            ids.remove(record.id());
          }
        }
      }
      for (Entity entity : record.entities()) {
        alertsByEntity
            .computeIfAbsent(entityKey(entity), k -> new LinkedHashSet<>())
            .add(record.id());
      }
      List<Sighting> seen = sightings.computeIfAbsent(record.id(), k -> new ArrayList<>());
      List<String> channels = record.alert().channels();
      for (int i = 0; i < channels.size(); i++) {
        String channel = channels.get(i);
        if (seen.stream().noneMatch(s -> s.channel().equals(channel))) {
          // The alert carries no time per channel: the first channel is the first sighting, a
          // channel that appears later was seen by the update that brought it.
          seen.add(
              new Sighting(
                  channel, i == 0 ? record.alert().firstSeen() : record.alert().lastSeen()));
        }
      }
    }
    notifyListeners(record.id());
  }

  /** Removes an alert (a tombstone on {@code cw.alerts}). */
  public void remove(String alertId) {
    synchronized (this) {
      AlertRecord previous = alerts.remove(alertId);
      if (previous == null) {
        return;
      }
      for (Entity entity : previous.entities()) {
        Set<String> ids = alertsByEntity.get(entityKey(entity));
        if (ids != null) {
          ids.remove(alertId);
        }
      }
    }
    notifyListeners(alertId);
  }

  /** Appends a decision to its alert's history; the latest decision sets the status. */
  public void decide(Decision decision) {
    Objects.requireNonNull(decision, "decision");
    synchronized (this) {
      decisions.computeIfAbsent(decision.alertId(), k -> new ArrayList<>()).add(decision);
    }
    notifyListeners(decision.alertId());
  }

  /** Records an audit event, forgetting the oldest beyond {@link #AUDIT_CAPACITY}. */
  public synchronized void audit(AuditEvent event) {
    audit.addLast(Objects.requireNonNull(event, "event"));
    while (audit.size() > AUDIT_CAPACITY) {
      audit.pollFirst();
    }
  }

  /** The alert with this id, if known. */
  public synchronized Optional<AlertRecord> alert(String alertId) {
    return Optional.ofNullable(alerts.get(alertId));
  }

  /** The decisions about an alert, oldest first; empty before any. */
  public synchronized List<Decision> history(String alertId) {
    return List.copyOf(decisions.getOrDefault(alertId, List.of()));
  }

  /** The alert's current triage status. */
  public synchronized TriageStatus status(String alertId) {
    List<Decision> list = decisions.get(alertId);
    return list == null || list.isEmpty()
        ? TriageStatus.NEW
        : TriageStatus.of(list.get(list.size() - 1).outcome());
  }

  /** Where and when the ad was seen, first sighting first. */
  public synchronized List<Sighting> sightings(String alertId) {
    return List.copyOf(sightings.getOrDefault(alertId, List.of()));
  }

  /** Other alerts sharing a phone, handle or wallet with this one, each once. */
  public synchronized List<LinkedAlert> linked(String alertId) {
    AlertRecord record = alerts.get(alertId);
    if (record == null) {
      return List.of();
    }
    Map<String, LinkedAlert> linked = new java.util.LinkedHashMap<>();
    for (Entity entity : record.entities()) {
      if (entity.type().equals("price")) {
        continue; // Many unrelated ads share a price; it links nothing.
      }
      for (String other : alertsByEntity.getOrDefault(entityKey(entity), Set.of())) {
        if (!other.equals(alertId)) {
          linked.putIfAbsent(other, new LinkedAlert(other, entity));
        }
      }
    }
    return List.copyOf(linked.values());
  }

  /** The alerts passing {@code filter}, most recently seen first, at most {@code filter.limit}. */
  public synchronized List<AlertRecord> feed(FeedFilter filter) {
    return alerts.values().stream()
        .filter(r -> filter.matches(r, status(r.id())))
        .sorted(newestFirst())
        .limit(filter.limit())
        .toList();
  }

  /** Every alert, most recently seen first. */
  public synchronized List<AlertRecord> all() {
    return alerts.values().stream().sorted(newestFirst()).toList();
  }

  /** Recent audit events passing {@code filter}, newest first, at most {@code limit}. */
  public synchronized List<AuditEvent> audit(Predicate<AuditEvent> filter, int limit) {
    List<AuditEvent> out = new ArrayList<>();
    var it = audit.descendingIterator();
    while (it.hasNext() && out.size() < limit) {
      AuditEvent event = it.next();
      if (filter.test(event)) {
        out.add(event);
      }
    }
    return List.copyOf(out);
  }

  private static Comparator<AlertRecord> newestFirst() {
    return Comparator.comparing((AlertRecord r) -> r.alert().lastSeen())
        .reversed()
        .thenComparing(AlertRecord::id);
  }

  private static String entityKey(Entity entity) {
    return entity.type() + ":" + entity.normalized();
  }

  private void notifyListeners(String alertId) {
    for (Consumer<String> listener : listeners) {
      listener.accept(alertId);
    }
  }
}

package org.crossingwatch.app.rules;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Rule;

/**
 * How a candidate rule set differs from the live one on {@code cw.rules}: ids added, ids whose rule
 * JSON changed, ids removed (to be tombstoned). Each list is sorted by id.
 *
 * @param added ids only in the candidate
 * @param changed ids in both whose rule differs
 * @param removed ids only on the topic
 */
record RuleSetDiff(List<String> added, List<String> changed, List<String> removed) {
  RuleSetDiff {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /**
   * Compares a candidate with the live set.
   *
   * @param live rule id to the rule's JSON as on the topic
   * @param candidate the rules to publish
   */
  static RuleSetDiff of(Map<String, String> live, List<Rule> candidate) {
    requireNonNull(live, "live");
    requireNonNull(candidate, "candidate");
    Map<String, String> wanted = new TreeMap<>();
    candidate.forEach(rule -> wanted.put(rule.id(), Json.write(rule)));
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    wanted.forEach(
        (id, json) -> {
          if (!live.containsKey(id)) {
            added.add(id);
          } else if (!live.get(id).equals(json)) {
            changed.add(id);
          }
        });
    List<String> removed =
        new TreeMap<>(live).keySet().stream().filter(id -> !wanted.containsKey(id)).toList();
    return new RuleSetDiff(added, changed, removed);
  }

  boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }
}

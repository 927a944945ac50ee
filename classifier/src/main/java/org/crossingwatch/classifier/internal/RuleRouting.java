package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.crossingwatch.classifier.analysis.PostFields;

/**
 * Each rule's routing language ({@link PostFields#routingValue}) by the rule's position, the
 * languages numbered, so that a candidate is routed from its key alone: reading the language from
 * the candidate's Monitor metadata (a sorted map per rule, scattered over the heap) cost a few
 * cache misses per candidate. Filled while the rule set is compiled, on the compiling thread; only
 * read afterwards, and then thread-safe.
 */
final class RuleRouting {
  private static final int NONE = -1;

  private final RuleKeys keys;
  private final int[] languageOfPosition;
  private final Map<String, Integer> languageIds = new HashMap<>();

  /**
   * @param keys the keys rules are registered under
   * @param ruleCount how many positions there are
   */
  RuleRouting(RuleKeys keys, int ruleCount) {
    this.keys = requireNonNull(keys, "keys");
    this.languageOfPosition = new int[ruleCount];
    Arrays.fill(languageOfPosition, NONE);
  }

  /** Records the routing language of the rule at this position. */
  void set(int position, String routing) {
    requireNonNull(routing, "routing");
    languageOfPosition[position] =
        languageIds.computeIfAbsent(routing, language -> languageIds.size());
  }

  /**
   * Whether a rule key is routed to a post of these routing languages.
   *
   * @param routed the post's routing languages, {@link PostFields#ANY} included
   * @return a test of keys; a key of a position never set is not routed
   */
  Predicate<String> keysRoutedTo(Collection<String> routed) {
    boolean[] routedIds = new boolean[languageIds.size()];
    for (String language : routed) {
      Integer id = languageIds.get(language);
      if (id != null) {
        routedIds[id] = true;
      }
    }
    return key -> {
      int language = languageOfPosition[keys.positionOf(key)];
      return language != NONE && routedIds[language];
    };
  }
}

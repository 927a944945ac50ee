package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.crossingwatch.model.Rule;
import org.junit.jupiter.api.Test;

class LanguagePresearcherTest {
  private static final List<Rule> RULES =
      List.of(
          rule("en.boat", "en", "boat AND (italy OR greece)"),
          rule("en.pay", "en", "\"pay on arrival\""),
          rule("fr.passage", "fr", "passage AND (lampedusa OR italie)"),
          rule("ar.trip", "ar", "رحلة AND (زوارة OR لامبيدوزا)"),
          rule("any.boat", "any", "emoji_boat"),
          rule("ru.wild", "ru", "переправ*"));

  private static final List<String> POSTS =
      List.of(
          "Boat to Italy, pay on arrival 🚤",
          "Passage pour Lampedusa depuis Sfax, boat rapide",
          "رحلة من زوارة إلى لامبيدوزا 🚤",
          "Переправа в Грецию, boat Greece",
          "Ferry timetable Piraeus to Chios");

  @Test
  void selectsTheRulesTheStockPresearcherSelectsInEveryLanguageRouting()
      throws IOException, QuerySyntaxException {
    List<MonitorQuery> queries = new ArrayList<>();
    RuleQueryParser parser = new RuleQueryParser();
    for (Rule rule : RULES) {
      queries.add(
          new MonitorQuery(
              rule.id(),
              parser.parse(rule.query(), rule.language()),
              rule.query(),
              java.util.Map.of(
                  PostFields.LANGUAGE_FIELD, PostFields.routingValue(rule.language()))));
    }
    TermFilteredPresearcher stock =
        new TermFilteredPresearcher(
            TermFilteredPresearcher.DEFAULT_WEIGHTOR, List.of(), Set.of(PostFields.LANGUAGE_FIELD));
    List<Set<String>> routings = List.of(PostFields.languages(), Set.of("en"), Set.of());
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    try (Monitor ours = new Monitor(PostFields.analyzer(), new LanguagePresearcher());
        Monitor theirs = new Monitor(PostFields.analyzer(), stock)) {
      ours.register(queries);
      theirs.register(queries);
      for (Set<String> routing : routings) {
        for (String post : POSTS) {
          var doc =
              CompiledRuleSet.document(
                  Normalizer.normalize(post).text(), routing, CompiledRuleSet.allFields());
          expected.add(routing + " " + post + " " + ids(theirs, doc));
          actual.add(routing + " " + post + " " + ids(ours, doc));
        }
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(expected)
        .contains(
            PostFields.languages()
                + " Boat to Italy, pay on arrival 🚤 [any.boat, en.boat, en.pay]",
            "[en] Passage pour Lampedusa depuis Sfax, boat rapide []",
            "[] رحلة من زوارة إلى لامبيدوزا 🚤 [any.boat]");
  }

  private static Set<String> ids(Monitor monitor, org.apache.lucene.document.Document doc)
      throws IOException {
    Set<String> ids = new TreeSet<>();
    monitor
        .match(doc, QueryMatch.SIMPLE_MATCHER)
        .getMatches()
        .forEach(m -> ids.add(m.getQueryId()));
    return ids;
  }

  private static Rule rule(String id, String language, String query) {
    return new Rule(
        0, id, language, "crossing_offer", query, 1.0, Optional.empty(), List.of(), List.of());
  }
}

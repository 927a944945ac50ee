package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.TestRules.offer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.crossingwatch.model.Rule;
import org.junit.jupiter.api.Test;

class TermSetPresearcherTest {
  private static final List<Rule> RULES =
      List.of(
          offer("en.boat", "en", "boat AND (italy OR greece)"),
          offer("en.pay", "en", "\"pay on arrival\""),
          offer("fr.passage", "fr", "passage AND (lampedusa OR italie)"),
          offer("ar.trip", "ar", "رحلة AND (زوارة OR لامبيدوزا)"),
          offer("any.boat", "any", "emoji_boat"),
          offer("ru.wild", "ru", "переправ*"),
          offer("en.not", "en", "boat -news"));

  private static final List<String> POSTS =
      List.of(
          "Boat to Italy, pay on arrival 🚤",
          "Passage pour Lampedusa depuis Sfax, boat rapide",
          "رحلة من زوارة إلى لامبيدوزا 🚤",
          "Переправа в Грецию, boat Greece",
          "Ferry timetable Piraeus to Chios",
          "Ferries to Italy and Greece");

  @Test
  void onePassSelectsTheCandidatesOfLucenesTermFilteredPresearcher() throws Exception {
    List<String> candidates = candidatesOfBoth(1, new TermFilteredPresearcher());

    assertThat(candidates)
        .contains(
            "Boat to Italy, pay on arrival 🚤 [any.boat, en.boat, en.not, en.pay, ru.wild]",
            "Ferry timetable Piraeus to Chios [ru.wild]",
            "Ferries to Italy and Greece [en.boat, ru.wild]");
  }

  @Test
  void twoPassesSelectTheCandidatesOfLucenesMultipassPresearcher() throws Exception {
    List<String> candidates = candidatesOfBoth(2, new MultipassTermFilteredPresearcher(2));

    assertThat(candidates)
        .containsExactly(
            "Boat to Italy, pay on arrival 🚤 [any.boat, en.boat, en.not, en.pay, ru.wild]",
            "Passage pour Lampedusa depuis Sfax, boat rapide [en.not, fr.passage, ru.wild]",
            "رحلة من زوارة إلى لامبيدوزا 🚤 [any.boat, ar.trip, ru.wild]",
            "Переправа в Грецию, boat Greece [en.boat, en.not, ru.wild]",
            "Ferry timetable Piraeus to Chios [ru.wild]",
            "Ferries to Italy and Greece [ru.wild]");
  }

  /** The candidates per post, ours and Lucene's, asserted equal. */
  private static List<String> candidatesOfBoth(int passes, Presearcher stock)
      throws IOException, QuerySyntaxException {
    List<MonitorQuery> queries = new ArrayList<>();
    RuleQueryParser parser = new RuleQueryParser();
    for (Rule rule : RULES) {
      queries.add(
          new MonitorQuery(
              rule.id(),
              parser.parse(rule.query(), rule.language()),
              rule.query(),
              Map.of(PostFields.LANGUAGE_FIELD, PostFields.routingValue(rule.language()))));
    }
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    try (Monitor ours = new Monitor(PostFields.analyzer(), new TermSetPresearcher(passes));
        Monitor theirs = new Monitor(PostFields.analyzer(), stock)) {
      ours.register(queries);
      theirs.register(queries);
      for (String post : POSTS) {
        var doc =
            CompiledRuleSet.document(
                Normalizer.normalize(post).text(), CompiledRuleSet.allFields());
        expected.add(post + " " + candidates(theirs, doc));
        actual.add(post + " " + candidates(ours, doc));
      }
    }
    assertThat(actual).isEqualTo(expected);
    return expected;
  }

  @Test
  void leavesTheAnyTokenClauseOutWhenNoRuleIsIndexedAsAnyToken() throws IOException {
    Query query =
        new TermSetPresearcher(1)
            .buildQuery(
                memoryIndexReader("boat italy"),
                (field, term) -> !field.equals(TermFilteredPresearcher.ANYTOKEN_FIELD));
    assertThat(query.toString()).isEqualTo("candidates(1 pass: text:[boat, italy])");
  }

  @Test
  void indexesEachRuleTermAsAPlainValueOfItsFieldOncePerPassAndUnsuffixed() throws Exception {
    Query query = new RuleQueryParser().parse("boat AND (italy OR greece)", "en");
    List<String> values = new ArrayList<>();
    for (IndexableField field : new TermSetPresearcher(2).indexQuery(query, Map.of())) {
      assertThat(field).isInstanceOf(StringField.class);
      values.add(field.name() + "=" + field.binaryValue().utf8ToString());
    }

    assertThat(values)
        .containsExactly(
            "text_en_0=greece",
            "text_en_0=italy",
            "text_en=greece",
            "text_en=italy",
            "text_en_1=boat",
            "text_en=boat");
  }

  /** The rules the presearcher selects, matched or not. */
  private static Set<String> candidates(Monitor monitor, org.apache.lucene.document.Document doc)
      throws IOException {
    Set<String> ids = new TreeSet<>();
    monitor
        .match(
            doc,
            searcher ->
                new CandidateMatcher<QueryMatch>(searcher) {
                  @Override
                  protected void matchQuery(
                      String queryId, Query matchQuery, Map<String, String> metadata) {
                    addMatch(new QueryMatch(queryId), 0);
                  }

                  @Override
                  public QueryMatch resolve(QueryMatch first, QueryMatch second) {
                    return first;
                  }
                })
        .getMatches()
        .forEach(m -> ids.add(m.getQueryId()));
    return ids;
  }

  private static LeafReader memoryIndexReader(String text) {
    MemoryIndex index = new MemoryIndex();
    index.addField(PostFields.FALLBACK_FIELD, text, new WhitespaceAnalyzer());
    return (LeafReader) index.createSearcher().getIndexReader();
  }
}

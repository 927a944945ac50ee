package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.internal.FrenchPosts.searcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class PreparedQueryTest {
  private final RuleQueryParser parser = new RuleQueryParser();

  @Test
  void queriesThatRewriteWithoutTheIndexAreRewrittenOnceAsThePostWouldRewriteThem()
      throws Exception {
    IndexSearcher post = searcher("Passage pour Lampedusa, départ de Sfax 🚤 3000 euros");
    for (String query :
        List.of(
            "passage AND (lampedusa OR italie)",
            "\"départ de sfax\"~2 -police",
            "passag* AND lampedus?",
            "/lampedu[sz]a/ AND 3000",
            "emoji_boat^2 OR (sfax AND NOT journal)")) {
      Query source = parser.parse(query, "fr");
      PreparedQuery prepared = PreparedQuery.of(source, new TermDictionary());

      assertThat(prepared.isRewritten()).as(query).isTrue();
      assertThat(prepared.forMatching(post)).as(query).isEqualTo(post.rewrite(source));
    }
  }

  @Test
  void aFuzzyQueryIsRewrittenAgainstEachPostBecauseItsRewriteReadsThePostsTerms() throws Exception {
    Query source = parser.parse("lampedusa~1 AND passage", "fr");
    PreparedQuery prepared = PreparedQuery.of(source, new TermDictionary());
    IndexSearcher post = searcher("Passage pour Lampadusa");

    assertThat(prepared.isRewritten()).isFalse();
    assertThat(prepared.forMatching(post)).isEqualTo(post.rewrite(source));
    assertThat(prepared.forMatching(post).toString())
        .isEqualTo(post.rewrite(source).toString())
        .contains("lampadusa");
  }

  @Test
  void decomposerSplitsLikeMonitorsAndKeepsEachParsedDisjunctForThePresearcher() throws Exception {
    Query source = parser.parse("(قارب AND زوارة) OR لامبيدوزا OR \"رحلة بحرية\"", "ar");

    List<Query> parts = new ArrayList<>();
    for (Query part : new PreparedQuery.Decomposer(new TermDictionary()).decompose(source)) {
      assertThat(part).isInstanceOf(PreparedQuery.class);
      assertThat(((PreparedQuery) part).isRewritten()).isTrue();
      parts.add(((PreparedQuery) part).source());
    }

    assertThat(parts)
        .hasSize(3)
        .containsExactlyInAnyOrderElementsOf(new QueryDecomposer().decompose(source));
  }

  @Test
  void aPreparedQueryPrintsAndComparesAsItsParsedQuery() throws IOException, QuerySyntaxException {
    Query source = parser.parse("passage AND lampedusa", "fr");

    assertThat(PreparedQuery.of(source, new TermDictionary()).toString())
        .isEqualTo(source.toString());
    assertThat(PreparedQuery.of(source, new TermDictionary()))
        .isEqualTo(
            PreparedQuery.of(parser.parse("passage AND lampedusa", "fr"), new TermDictionary()));
  }
}

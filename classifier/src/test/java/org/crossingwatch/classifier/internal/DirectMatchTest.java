package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;

class DirectMatchTest {
  private static final String POST = "bateau bateau vers lampedusa paiement à l'arrivée bateau";

  private static final List<String> QUERIES =
      List.of(
          "bateau",
          "absent",
          "\"bateau bateau\"",
          "\"bateau vers lampedusa\"",
          "\"lampedusa bateau\"",
          "+bateau +(lampedusa absent)",
          "+bateau +(absent autre)",
          "bateau -lampedusa",
          "bateau -absent",
          "absent autre",
          "lampedusa absent",
          "+\"vers lampedusa\" +paiement");

  @Test
  void findsTheMatchesAndHitsLucenesWeightsFind() throws Exception {
    MemoryIndex index = new MemoryIndex(true, true);
    index.addField("text", POST, new WhitespaceAnalyzer());
    IndexSearcher searcher = index.createSearcher();
    LeafReader post = searcher.getIndexReader().leaves().get(0).reader();
    QueryParser parser = new QueryParser("text", new WhitespaceAnalyzer());
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (String source : QUERIES) {
      Query query = searcher.rewrite(parser.parse(source));
      expected.add(source + " " + luceneHits(searcher, query));
      DirectMatch direct = DirectMatch.of(query).orElseThrow();
      DirectMatch.Hits hits = new DirectMatch.Hits();
      actual.add(source + " " + (direct.matches(post, hits) ? directHits(hits) : "no match"));
    }

    assertThat(actual).isEqualTo(expected);
    assertThat(expected)
        .contains(
            "\"bateau bateau\" [text 0-1 0-13]",
            "+bateau +(absent autre) no match",
            "bateau -lampedusa no match");
  }

  @Test
  void leavesSloppyPhrasesAndWildcardsToLucene() throws Exception {
    QueryParser parser = new QueryParser("text", new WhitespaceAnalyzer());

    assertThat(DirectMatch.of(parser.parse("\"bateau lampedusa\"~2"))).isEmpty();
    assertThat(DirectMatch.of(parser.parse("bateau AND lamp*"))).isEmpty();
  }

  private static String luceneHits(IndexSearcher searcher, Query query) throws IOException {
    Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1);
    Matches matches = weight.matches(searcher.getIndexReader().leaves().get(0), 0);
    if (matches == null) {
      return "no match";
    }
    List<String> hits = new ArrayList<>();
    for (String field : matches) {
      MatchesIterator iterator = matches.getMatches(field);
      while (iterator.next()) {
        hits.add(
            field
                + " "
                + iterator.startPosition()
                + "-"
                + iterator.endPosition()
                + " "
                + iterator.startOffset()
                + "-"
                + iterator.endOffset());
      }
    }
    hits.sort(null);
    return hits.toString();
  }

  private static String directHits(DirectMatch.Hits found) {
    List<String> hits = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      hits.add(
          found.field(i)
              + " "
              + found.startPosition(i)
              + "-"
              + found.endPosition(i)
              + " "
              + found.startOffset(i)
              + "-"
              + found.endOffset(i));
    }
    hits.sort(null);
    return hits.toString();
  }
}

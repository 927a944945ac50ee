package org.crossingwatch.bench.classifier;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.crossingwatch.model.Rule;

/**
 * The baseline: a stock Lucene Monitor with its default presearcher over one ICU-folded field, no
 * language routing, the rules parsed as written.
 */
final class StockMonitor implements Closeable {
  private static final String FIELD = "text";

  private final Monitor monitor;

  StockMonitor(List<Rule> rules) throws IOException {
    Analyzer folded =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new ICUTokenizer();
            return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(tokenizer));
          }
        };
    monitor = new Monitor(folded);
    List<MonitorQuery> queries = new ArrayList<>();
    for (Rule rule : rules) {
      QueryParser parser = new QueryParser(FIELD, folded);
      parser.setSplitOnWhitespace(true);
      parser.setAutoGeneratePhraseQueries(true);
      try {
        queries.add(new MonitorQuery(rule.id(), parser.parse(rule.query())));
      } catch (ParseException | RuntimeException e) {
        // The same rules compile in the classifier; a query the stock parser rejects is left out.
      }
    }
    monitor.register(queries);
  }

  /** The number of rules that match the text. */
  int matches(String normalizedText) throws IOException {
    Document doc = new Document();
    doc.add(new TextField(FIELD, normalizedText, Field.Store.NO));
    MatchingQueries<QueryMatch> result = monitor.match(doc, QueryMatch.SIMPLE_MATCHER);
    return result.getMatchCount();
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }
}

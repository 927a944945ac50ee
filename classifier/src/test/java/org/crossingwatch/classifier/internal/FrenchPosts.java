package org.crossingwatch.classifier.internal;

import java.util.List;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.normalize.Normalizer;

/** A post indexed as the matcher sees it, in the French and the neutral fields. */
final class FrenchPosts {
  private FrenchPosts() {}

  /** A searcher over the one normalised post, with offsets and no query cache. */
  static IndexSearcher searcher(String text) {
    MemoryIndex index = new MemoryIndex(true);
    String normalized = Normalizer.normalize(text).text();
    for (String field : List.of(PostFields.fieldOf("fr"), PostFields.NEUTRAL_FIELD)) {
      index.addField(field, normalized, PostFields.analyzer());
    }
    IndexSearcher searcher = index.createSearcher();
    searcher.setQueryCache(null);
    return searcher;
  }
}

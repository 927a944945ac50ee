package org.crossingwatch.classifier.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.crossingwatch.classifier.analysis.PostFields;

/**
 * Lucene Monitor's {@link TermFilteredPresearcher} with {@value PostFields#LANGUAGE_FIELD} as its
 * filter field, selecting the same candidate rules as the stock one: a rule is a candidate when a
 * post term is one of the terms the presearcher indexed for it (or it is indexed as "any token")
 * and its language is one of the post's. Only the query over the rule index is built differently:
 * each field's post terms are looked up with one terms enumeration per field ({@link
 * MultiTermQuery#CONSTANT_SCORE_REWRITE}) instead of a term query per term, which for the 20 to 60
 * terms of a typical post is most of the presearcher's cost. Stateless and thread-safe.
 */
final class LanguagePresearcher extends TermFilteredPresearcher {
  LanguagePresearcher() {
    super(DEFAULT_WEIGHTOR, List.of(), Set.of(PostFields.LANGUAGE_FIELD));
  }

  @Override
  protected DocumentQueryBuilder getQueryBuilder() {
    return new DocumentQueryBuilder() {
      private final Map<String, List<BytesRef>> terms = new LinkedHashMap<>();

      @Override
      public void addTerm(String field, BytesRef term) {
        terms.computeIfAbsent(field, f -> new ArrayList<>()).add(term);
      }

      @Override
      public Query build() {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.forEach(
            (field, fieldTerms) ->
                builder.add(
                    new TermInSetQuery(MultiTermQuery.CONSTANT_SCORE_REWRITE, field, fieldTerms),
                    BooleanClause.Occur.SHOULD));
        return new ConstantScoreQuery(builder.build());
      }
    };
  }
}

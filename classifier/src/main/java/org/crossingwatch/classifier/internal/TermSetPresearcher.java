package org.crossingwatch.classifier.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene Monitor's {@link TermFilteredPresearcher}, indexing rules exactly as it does (same
 * weightor, no filter fields), with a cheaper query over the rule index. The candidates are the
 * stock ones: a rule is a candidate when a post term is one of the terms indexed for it in its
 * field, or when it is indexed as "any token". The query differs in how it finds them:
 *
 * <ul>
 *   <li>each field's post terms are looked up with one terms enumeration ({@link
 *       MultiTermQuery#CONSTANT_SCORE_REWRITE}) instead of a term query per term, which for the 20
 *       to 60 terms of a typical post was most of the presearcher's cost;
 *   <li>the "any token" clause is left out when no rule was indexed as one (the rule index's term
 *       filter says so), instead of looking the term up for every post.
 * </ul>
 *
 * Language routing is not done here but by the matcher, from each candidate's metadata ({@link
 * SpansMatch#matcher}): a filter clause over the routing field cost a term lookup per routed
 * language on every post. Stateless and thread-safe.
 */
final class TermSetPresearcher extends Presearcher {
  private static final BytesRef ANYTOKEN = new BytesRef(TermFilteredPresearcher.ANYTOKEN);

  private final TermFilteredPresearcher indexing =
      new TermFilteredPresearcher(TermFilteredPresearcher.DEFAULT_WEIGHTOR, List.of(), Set.of());

  @Override
  public Document indexQuery(Query query, Map<String, String> metadata) {
    Query parsed = query instanceof PreparedQuery prepared ? prepared.source() : query;
    return indexing.indexQuery(parsed, metadata);
  }

  @Override
  public Query buildQuery(LeafReader reader, BiPredicate<String, BytesRef> termAcceptor) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    try {
      for (FieldInfo field : reader.getFieldInfos()) {
        Terms terms = reader.terms(field.name);
        if (terms == null) {
          continue;
        }
        List<BytesRef> accepted = new ArrayList<>();
        TermsEnum termsEnum = terms.iterator();
        for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
          if (termAcceptor.test(field.name, term)) {
            accepted.add(BytesRef.deepCopyOf(term));
          }
        }
        if (!accepted.isEmpty()) {
          builder.add(
              new TermInSetQuery(MultiTermQuery.CONSTANT_SCORE_REWRITE, field.name, accepted),
              BooleanClause.Occur.SHOULD);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the post's terms", e);
    }
    if (termAcceptor.test(TermFilteredPresearcher.ANYTOKEN_FIELD, ANYTOKEN)) {
      builder.add(
          new TermQuery(new Term(TermFilteredPresearcher.ANYTOKEN_FIELD, ANYTOKEN)),
          BooleanClause.Occur.SHOULD);
    }
    BooleanQuery query = builder.build();
    return query.clauses().isEmpty() ? new MatchNoDocsQuery() : new ConstantScoreQuery(query);
  }
}

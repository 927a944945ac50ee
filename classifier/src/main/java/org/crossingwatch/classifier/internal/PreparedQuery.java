package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * One rule query (or one disjunct of it, as Monitor's {@link QueryDecomposer} splits it) rewritten
 * once, when the rule set is compiled, instead of once per post and candidate. Lucene rewrites a
 * query against the searcher of each post; for the query types rule queries are made of (boolean,
 * term, phrase, boost, constant score, and wildcard, prefix or regexp queries with a constant-score
 * rewrite method) that rewrite only reshapes the query and never reads the index, so rewriting it
 * against an empty index gives the same query as against any post. A query with any other part (a
 * fuzzy query, whose rewrite looks terms up in the post) is left as it is and rewritten per post,
 * as before.
 *
 * <p>The matcher ({@link SpansMatch#matcher}) builds its weight from {@link #forMatching}; the
 * presearcher indexes {@link #source()}, so the candidates are those of the parsed query. Immutable
 * and thread-safe.
 */
final class PreparedQuery extends Query {
  private static final IndexSearcher EMPTY = emptySearcher();

  private final Query source;
  private final Query rewritten;

  /** The terms the query cannot match without; null when it needs none in particular. */
  private final RequiredTerms required;

  /** The rewritten query matched without Lucene's weights; null when its shape is not direct. */
  private final DirectMatch direct;

  private PreparedQuery(Query source, Query rewritten, TermDictionary dictionary) {
    this.source = source;
    this.rewritten = rewritten;
    this.required =
        RequiredTerms.of(rewritten != null ? rewritten : source, dictionary).orElse(null);
    this.direct = rewritten == null ? null : DirectMatch.of(rewritten).orElse(null);
  }

  /**
   * The query, rewritten now when its rewrite cannot depend on the post.
   *
   * @param source a parsed rule query or one disjunct of it
   * @param dictionary numbers the terms the query cannot match without, once per rule set
   */
  static PreparedQuery of(Query source, TermDictionary dictionary) {
    requireNonNull(source, "source");
    requireNonNull(dictionary, "dictionary");
    if (!rewritesWithoutIndex(source)) {
      return new PreparedQuery(source, null, dictionary);
    }
    Query rewritten;
    try {
      rewritten = EMPTY.rewrite(source);
    } catch (IOException | RuntimeException e) {
      // Such a query (too many clauses, say) fails per post, where its error is reported.
      rewritten = null;
    }
    return new PreparedQuery(source, rewritten, dictionary);
  }

  /** The query as parsed (and decomposed), for the presearcher. */
  Query source() {
    return source;
  }

  /** Whether the rewrite was done at compile time. */
  boolean isRewritten() {
    return rewritten != null;
  }

  /**
   * False when the post lacks terms the query cannot match without ({@link RequiredTerms}), so the
   * query provably does not match it; true when it may match.
   */
  boolean mayMatch(TermDictionary.PostTerms terms) {
    return required == null || required.presentIn(terms);
  }

  /**
   * The query as matched directly on the post's postings ({@link DirectMatch}), or null when it is
   * matched through a Lucene weight ({@link #forMatching}).
   */
  DirectMatch direct() {
    return direct;
  }

  /**
   * The query to build a weight from on this post's searcher: the one rewritten at compile time, or
   * the source rewritten against the post.
   */
  Query forMatching(IndexSearcher searcher) throws IOException {
    return rewritten != null ? rewritten : searcher.rewrite(source);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    return rewritten != null ? rewritten : source;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    source.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return source.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && source.equals(((PreparedQuery) other).source);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + source.hashCode();
  }

  /** Whether every part of the query is of a type whose rewrite does not read the index. */
  private static boolean rewritesWithoutIndex(Query query) {
    boolean[] indexFree = {true};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            check(leaf);
          }

          @Override
          public void consumeTermsMatching(
              Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
            check(leaf);
          }

          @Override
          public void visitLeaf(Query leaf) {
            check(leaf);
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            check(parent);
            return this;
          }

          private void check(Query part) {
            indexFree[0] &= isIndexFree(part);
          }
        });
    return indexFree[0];
  }

  private static boolean isIndexFree(Query part) {
    if (part instanceof MultiTermQuery multiTerm) {
      MultiTermQuery.RewriteMethod method = multiTerm.getRewriteMethod();
      return method == MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
          || method == MultiTermQuery.CONSTANT_SCORE_REWRITE;
    }
    return part instanceof BooleanQuery
        || part instanceof TermQuery
        || part instanceof PhraseQuery
        || part instanceof MultiPhraseQuery
        || part instanceof SynonymQuery
        || part instanceof BoostQuery
        || part instanceof ConstantScoreQuery
        || part instanceof DisjunctionMaxQuery
        || part instanceof MatchAllDocsQuery
        || part instanceof MatchNoDocsQuery;
  }

  private static IndexSearcher emptySearcher() {
    try {
      IndexSearcher searcher = new IndexSearcher(new MultiReader());
      searcher.setQueryCache(null);
      return searcher;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open an empty index", e);
    }
  }

  /**
   * Monitor's decomposition into disjuncts, each disjunct {@linkplain PreparedQuery prepared}. Only
   * the outcome is wrapped: the stock decomposer recurses into itself, and must see plain queries.
   */
  static final class Decomposer extends QueryDecomposer {
    private final QueryDecomposer stock = new QueryDecomposer();
    private final TermDictionary dictionary;

    /**
     * @param dictionary numbers the required terms of the rule set's disjuncts
     */
    Decomposer(TermDictionary dictionary) {
      this.dictionary = requireNonNull(dictionary, "dictionary");
    }

    @Override
    public Set<Query> decompose(Query query) {
      Set<Query> parts = new LinkedHashSet<>();
      for (Query part : stock.decompose(query)) {
        parts.add(of(part, dictionary));
      }
      return parts;
    }
  }
}

package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.crossingwatch.classifier.analysis.PostFields;

/**
 * A rule's match in the one post of a match run, with the character offsets of its hits in the
 * normalised text: the hits {@link HighlightsMatch#MATCHER} reports. A candidate of the commonest
 * shapes (terms, exact phrases, boolean queries of those) is matched on the post's postings
 * directly ({@link DirectMatch}); any other is matched as {@link HighlightsMatch} does it, by
 * asking each document of the post's index for the candidate weight's {@link Weight#matches}
 * (positions and offsets). Candidates that provably cannot match are dropped before (see {@link
 * #matcher}), so most candidates asked match; advancing a scorer first, as this did when they
 * mostly did not, now cost more than it saved. Hits are kept per field and position range, the
 * first one seen winning, as in {@link HighlightsMatch}.
 */
final class SpansMatch extends QueryMatch {
  /**
   * A matcher for one match run over a post: a candidate not routed to the post's languages (its
   * rule's {@link PostFields#routingValue}, {@link RuleRouting}) is skipped before it is matched.
   * The post's searcher is made by Monitor per run; its query cache is turned off because a
   * one-document index gains nothing from caching while the cache's bookkeeping (hashing each query
   * to count its uses) costs on every candidate. A candidate that lacks terms it cannot match
   * without ({@link PreparedQuery#mayMatch}) is dropped before its weight is built, which is most
   * of a candidate's cost. A candidate's weight is built from its query as {@link PreparedQuery}
   * rewrote it at compile time, or rewritten against the post when its rewrite reads the post's
   * terms.
   *
   * @param routed whether a candidate, by its query id, is routed to the post
   * @param dictionary the rule set's required terms, which the candidates were prepared with
   */
  static MatcherFactory<SpansMatch> matcher(Predicate<String> routed, TermDictionary dictionary) {
    requireNonNull(routed, "routed");
    requireNonNull(dictionary, "dictionary");
    return searcher -> {
      searcher.setQueryCache(null);
      TermDictionary.PostTerms postTerms = dictionary.termsOf(searcher.getIndexReader());
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      // Monitor indexes a single post in one in-memory segment; direct matching assumes as much.
      LeafReader post = leaves.size() == 1 ? leaves.get(0).reader() : null;
      DirectMatch.Hits directHits = new DirectMatch.Hits();
      return new CandidateMatcher<>(searcher) {
        @Override
        protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata)
            throws IOException {
          if (!routed.test(queryId)) {
            return;
          }
          if (matchQuery instanceof PreparedQuery prepared) {
            if (!prepared.mayMatch(postTerms)) {
              return;
            }
            DirectMatch direct = prepared.direct();
            if (direct != null && post != null) {
              directHits.truncate(0);
              if (direct.matches(post, directHits)) {
                addMatch(of(queryId, directHits), 0);
              }
              return;
            }
            matchWithWeight(queryId, prepared.forMatching(searcher));
          } else {
            matchWithWeight(queryId, searcher.rewrite(matchQuery));
          }
        }

        private void matchWithWeight(String queryId, Query query) throws IOException {
          Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1);
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              Matches matches = weight.matches(leaf, doc);
              if (matches != null) {
                addMatch(of(queryId, matches), leaf.docBase + doc);
              }
            }
          }
        }

        @Override
        public SpansMatch resolve(SpansMatch first, SpansMatch second) {
          return first.mergedWith(second);
        }
      };
    };
  }

  /** Field and position range of a hit to its {@code [start, end)} offsets. */
  private final Map<HitKey, Hit> hits;

  private SpansMatch(String queryId, Map<HitKey, Hit> hits) {
    super(queryId);
    this.hits = hits;
  }

  private static SpansMatch of(String queryId, Matches matches) throws IOException {
    Map<HitKey, Hit> hits = new LinkedHashMap<>();
    for (String field : matches) {
      MatchesIterator iterator = matches.getMatches(field);
      while (iterator.next()) {
        MatchesIterator sub = iterator.getSubMatches();
        MatchesIterator source = sub == null ? iterator : sub;
        boolean more = sub == null || sub.next();
        while (more) {
          hits.putIfAbsent(
              new HitKey(field, source.startPosition(), source.endPosition()),
              new Hit(source.startOffset(), source.endOffset()));
          more = sub != null && sub.next();
        }
      }
    }
    return new SpansMatch(queryId, hits);
  }

  private static SpansMatch of(String queryId, DirectMatch.Hits found) {
    Map<HitKey, Hit> hits = new LinkedHashMap<>();
    for (int i = 0; i < found.size(); i++) {
      hits.putIfAbsent(
          new HitKey(found.field(i), found.startPosition(i), found.endPosition(i)),
          new Hit(found.startOffset(i), found.endOffset(i)));
    }
    return new SpansMatch(queryId, hits);
  }

  private SpansMatch mergedWith(SpansMatch other) {
    Map<HitKey, Hit> merged = new LinkedHashMap<>(hits);
    other.hits.forEach(merged::putIfAbsent);
    return new SpansMatch(getQueryId(), merged);
  }

  /** The hits' offsets in the normalised text, one per field and position range; may be empty. */
  List<Hit> hits() {
    return Collections.unmodifiableList(new ArrayList<>(hits.values()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpansMatch other
        && getQueryId().equals(other.getQueryId())
        && hits.equals(other.hits);
  }

  @Override
  public int hashCode() {
    return 31 * getQueryId().hashCode() + hits.hashCode();
  }

  /** Offsets of one hit in the normalised text, as the analyzer reported them (may be -1). */
  record Hit(int startOffset, int endOffset) {}

  private record HitKey(String field, int startPosition, int endPosition) {}
}

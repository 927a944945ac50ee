package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A rewritten rule disjunct of the commonest shapes (term queries, exact phrases, and boolean
 * queries of those), matched against the post's one-document index by reading the post's postings
 * directly, with the hits Lucene's {@code Weight#matches} reports for it: every position of a term
 * query's term; for an exact phrase, each term of each place the phrase occurs; for a boolean
 * query, nothing when a prohibited clause matches, a required clause does not or fewer optional
 * clauses match than it needs (at least one when it has only optional ones), else the hits of its
 * required and matching optional clauses. This skips building a weight, scorers and Lucene's
 * matches iterators per candidate, whose streams and megamorphic calls were most of a
 * verification's cost. Other shapes (sloppy phrases, wildcards, fuzzy terms...) are not direct and
 * stay with Lucene. Immutable and thread-safe.
 */
abstract class DirectMatch {
  private DirectMatch() {}

  /**
   * The direct form of a rewritten query, or empty when its shape is not one this handles.
   *
   * @param rewritten a query as it will be matched, after its rewrite
   */
  static Optional<DirectMatch> of(Query rewritten) {
    return Optional.ofNullable(direct(requireNonNull(rewritten, "rewritten")));
  }

  private static DirectMatch direct(Query query) {
    if (query instanceof TermQuery term) {
      return new TermMatch(term.getTerm());
    }
    if (query instanceof PhraseQuery phrase && phrase.getSlop() == 0 && increasing(phrase)) {
      return new PhraseMatch(phrase.getTerms(), phrase.getPositions());
    }
    if (query instanceof BooleanQuery bool) {
      return BooleanMatch.of(bool);
    }
    return null;
  }

  /** Whether a phrase has terms, each at a higher position than the one before. */
  private static boolean increasing(PhraseQuery phrase) {
    int[] positions = phrase.getPositions();
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] <= positions[i - 1]) {
        return false;
      }
    }
    return positions.length > 0;
  }

  /**
   * Whether the query matches the post; if it does, its hits are appended to {@code hits}, else
   * {@code hits} is left as it was.
   *
   * @param post the post's one-document index
   * @param hits the hits found so far, as field, start and end position, start and end offset
   */
  abstract boolean matches(LeafReader post, Hits hits) throws IOException;

  /** The post's positions and offsets of a term, or null when the post does not hold it. */
  static PostingsEnum postings(LeafReader post, Term term) throws IOException {
    Terms terms = post.terms(term.field());
    if (terms == null) {
      return null;
    }
    TermsEnum termsEnum = terms.iterator();
    if (!termsEnum.seekExact(term.bytes())) {
      return null;
    }
    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.OFFSETS);
    return postings.nextDoc() == PostingsEnum.NO_MORE_DOCS ? null : postings;
  }

  /** Hits in the order found, each as its field and four ints; truncatable to undo a failed try. */
  static final class Hits {
    private final List<String> fields = new ArrayList<>();
    private int[] values = new int[40];

    /** How many hits there are. */
    int size() {
      return fields.size();
    }

    void add(String field, int startPosition, int endPosition, int startOffset, int endOffset) {
      int at = fields.size() * 4;
      if (at + 4 > values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[at] = startPosition;
      values[at + 1] = endPosition;
      values[at + 2] = startOffset;
      values[at + 3] = endOffset;
      fields.add(field);
    }

    /** Drops the hits after the first {@code size}. */
    void truncate(int size) {
      fields.subList(size, fields.size()).clear();
    }

    String field(int hit) {
      return fields.get(hit);
    }

    int startPosition(int hit) {
      return values[hit * 4];
    }

    int endPosition(int hit) {
      return values[hit * 4 + 1];
    }

    int startOffset(int hit) {
      return values[hit * 4 + 2];
    }

    int endOffset(int hit) {
      return values[hit * 4 + 3];
    }
  }

  private static final class TermMatch extends DirectMatch {
    private final Term term;

    TermMatch(Term term) {
      this.term = term;
    }

    @Override
    boolean matches(LeafReader post, Hits hits) throws IOException {
      PostingsEnum postings = postings(post, term);
      if (postings == null) {
        return false;
      }
      for (int i = postings.freq(); i > 0; i--) {
        int position = postings.nextPosition();
        hits.add(term.field(), position, position, postings.startOffset(), postings.endOffset());
      }
      return true;
    }
  }

  private static final class PhraseMatch extends DirectMatch {
    private final Term[] terms;
    private final int[] offsets;

    PhraseMatch(Term[] terms, int[] queryPositions) {
      this.terms = terms;
      this.offsets = new int[terms.length];
      for (int i = 0; i < terms.length; i++) {
        offsets[i] = queryPositions[i] - queryPositions[0];
      }
    }

    @Override
    boolean matches(LeafReader post, Hits hits) throws IOException {
      int[][] positions = new int[terms.length][];
      int[][] starts = new int[terms.length][];
      int[][] ends = new int[terms.length][];
      for (int i = 0; i < terms.length; i++) {
        PostingsEnum postings = postings(post, terms[i]);
        if (postings == null) {
          return false;
        }
        int freq = postings.freq();
        positions[i] = new int[freq];
        starts[i] = new int[freq];
        ends[i] = new int[freq];
        for (int k = 0; k < freq; k++) {
          positions[i][k] = postings.nextPosition();
          starts[i][k] = postings.startOffset();
          ends[i][k] = postings.endOffset();
        }
      }
      String field = terms[0].field();
      boolean matched = false;
      int[] at = new int[terms.length];
      for (int lead = 0; lead < positions[0].length; lead++) {
        int phrase = positions[0][lead];
        boolean all = true;
        for (int i = 1; i < terms.length && all; i++) {
          int expected = phrase + offsets[i];
          while (at[i] < positions[i].length && positions[i][at[i]] < expected) {
            at[i]++;
          }
          all = at[i] < positions[i].length && positions[i][at[i]] == expected;
        }
        if (all) {
          matched = true;
          int last = terms.length - 1;
          hits.add(field, phrase, positions[last][at[last]], starts[0][lead], ends[last][at[last]]);
        }
      }
      return matched;
    }
  }

  private static final class BooleanMatch extends DirectMatch {
    private final DirectMatch[] required;
    private final DirectMatch[] optional;
    private final DirectMatch[] prohibited;
    private final int minShouldMatch;

    private BooleanMatch(
        List<DirectMatch> required,
        List<DirectMatch> optional,
        List<DirectMatch> prohibited,
        int minShouldMatch) {
      this.required = required.toArray(new DirectMatch[0]);
      this.optional = optional.toArray(new DirectMatch[0]);
      this.prohibited = prohibited.toArray(new DirectMatch[0]);
      this.minShouldMatch = minShouldMatch;
    }

    /** The direct form, or null when a clause has none. */
    static BooleanMatch of(BooleanQuery query) {
      List<DirectMatch> required = new ArrayList<>();
      List<DirectMatch> optional = new ArrayList<>();
      List<DirectMatch> prohibited = new ArrayList<>();
      for (BooleanClause clause : query.clauses()) {
        DirectMatch part = direct(clause.getQuery());
        if (part == null) {
          return null;
        }
        switch (clause.getOccur()) {
          case MUST, FILTER -> required.add(part);
          case SHOULD -> optional.add(part);
          case MUST_NOT -> prohibited.add(part);
        }
      }
      return new BooleanMatch(required, optional, prohibited, query.getMinimumNumberShouldMatch());
    }

    @Override
    boolean matches(LeafReader post, Hits hits) throws IOException {
      int before = hits.size();
      for (DirectMatch clause : prohibited) {
        if (clause.matches(post, hits)) {
          hits.truncate(before);
          return false;
        }
      }
      for (DirectMatch clause : required) {
        if (!clause.matches(post, hits)) {
          hits.truncate(before);
          return false;
        }
      }
      int optionalMatched = 0;
      for (DirectMatch clause : optional) {
        if (clause.matches(post, hits)) {
          optionalMatched++;
        }
      }
      // As Lucene's BooleanWeight#matches: too few optional clauses, or no clause at all matched
      // (only optional ones, none matching), is no match.
      if (optionalMatched < minShouldMatch || required.length == 0 && optionalMatched == 0) {
        hits.truncate(before);
        return false;
      }
      return true;
    }
  }
}

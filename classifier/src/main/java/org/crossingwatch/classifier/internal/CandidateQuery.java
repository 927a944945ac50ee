package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The presearcher's query over the rule index ({@link TermSetPresearcher#buildQuery}): the rule
 * documents that, in every pass, are indexed under one of the post's terms in that pass's field
 * ({@code <field>_<pass>}). It selects exactly the documents of a conjunction over the passes of
 * disjunctions of per-field term-set queries, but computes them directly: one bit set per pass,
 * each term's postings OR-ed in with one seek in the rule index's terms dictionary, the passes
 * AND-ed. The general queries cost per post what a small, fixed shape does not need (sorting and
 * packing each field's terms, a filtered terms enumeration per field and pass, a doc-id builder per
 * term set, a scorer tree with a priority queue), which was most of the presearcher's cost.
 *
 * <p>A query is made for one post and run once: it is never cached, and it equals only itself
 * (hashing its terms for a query cache that never reuses it would cost on every post). Immutable;
 * thread-safe.
 */
final class CandidateQuery extends Query {
  private final Map<String, List<BytesRef>> termsByField;
  private final List<BytesRef> anyFieldTerms;
  private final String anyField;
  private final int passes;

  /**
   * @param termsByField the post's terms that some rule is indexed under, by unsuffixed field
   * @param anyField a field whose {@code anyFieldTerms} are looked up in every pass too (Monitor's
   *     "any token" field); its terms may be empty
   * @param anyFieldTerms the terms looked up in {@code anyField}
   * @param passes how many passes each rule is indexed in, at least 1
   */
  CandidateQuery(
      Map<String, List<BytesRef>> termsByField,
      String anyField,
      List<BytesRef> anyFieldTerms,
      int passes) {
    requireNonNull(termsByField, "termsByField");
    this.anyField = requireNonNull(anyField, "anyField");
    this.anyFieldTerms = List.copyOf(requireNonNull(anyFieldTerms, "anyFieldTerms"));
    if (passes < 1) {
      throw new IllegalArgumentException("passes must be at least 1, was " + passes);
    }
    Map<String, List<BytesRef>> copy = new TreeMap<>();
    termsByField.forEach((field, terms) -> copy.put(field, List.copyOf(terms)));
    this.termsByField = copy;
    this.passes = passes;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        DocIdSetIterator candidates = candidates(context.reader());
        return candidates == null
            ? null
            : new ConstantScoreScorer(this, score(), scoreMode, candidates);
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  /** The documents indexed under a post term in every pass, or null when there are none. */
  private DocIdSetIterator candidates(LeafReader reader) throws IOException {
    FixedBitSet selected = null;
    PostingsEnum postings = null;
    for (int pass = 0; pass < passes; pass++) {
      FixedBitSet inPass = new FixedBitSet(Math.max(1, reader.maxDoc()));
      for (Map.Entry<String, List<BytesRef>> field : termsByField.entrySet()) {
        postings =
            addPostings(
                reader, passField(field.getKey(), pass), field.getValue(), inPass, postings);
      }
      postings = addPostings(reader, passField(anyField, pass), anyFieldTerms, inPass, postings);
      if (selected == null) {
        selected = inPass;
      } else {
        selected.and(inPass);
      }
    }
    int count = selected.cardinality();
    return count == 0 ? null : new BitSetIterator(selected, count);
  }

  /**
   * ORs the documents of each term found in the field into {@code docs}; returns the enum to reuse.
   */
  private static PostingsEnum addPostings(
      LeafReader reader, String field, List<BytesRef> terms, FixedBitSet docs, PostingsEnum reuse)
      throws IOException {
    if (terms.isEmpty()) {
      return reuse;
    }
    Terms fieldTerms = reader.terms(field);
    if (fieldTerms == null) {
      return reuse;
    }
    TermsEnum termsEnum = fieldTerms.iterator();
    PostingsEnum postings = reuse;
    for (BytesRef term : terms) {
      if (termsEnum.seekExact(term)) {
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        docs.or(postings);
      }
    }
    return postings;
  }

  /** The field a pass indexes a field's terms in, as Lucene's multipass presearcher names it. */
  static String passField(String field, int pass) {
    return field + "_" + pass;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  /** E.g. {@code candidates(2 passes: text_en:[boat, italy])}. */
  @Override
  public String toString(String field) {
    List<String> parts = new ArrayList<>();
    termsByField.forEach((name, terms) -> parts.add(name + ":" + utf8(terms)));
    if (!anyFieldTerms.isEmpty()) {
      parts.add(anyField + ":" + utf8(anyFieldTerms));
    }
    return "candidates("
        + passes
        + (passes == 1 ? " pass: " : " passes: ")
        + String.join(" ", parts)
        + ")";
  }

  private static List<String> utf8(List<BytesRef> terms) {
    List<String> strings = new ArrayList<>(terms.size());
    terms.forEach(term -> strings.add(term.utf8ToString()));
    return strings;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}

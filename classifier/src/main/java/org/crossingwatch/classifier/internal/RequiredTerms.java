package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The terms a query cannot match without, as a formula over "this term is in this field of the
 * post": a term query needs its term, a phrase (exact or sloppy) all of its terms, a synonym query
 * one of its terms, a boolean query its required clauses and as many of its optional clauses as it
 * must match, a disjunction one of its disjuncts. Whatever the formula cannot tell about is taken
 * as possibly matching: negated clauses never make a term required, and wildcard, prefix, regexp,
 * fuzzy, span or unknown queries require nothing. So when a post's terms do not satisfy the
 * formula, the query provably does not match the post, and the matcher can skip building its
 * weight; when they do, the query may or may not match. Immutable and thread-safe.
 */
final class RequiredTerms {
  private final Node root;

  private RequiredTerms(Node root) {
    this.root = root;
  }

  /**
   * What the query needs, or empty when it needs no particular term (it may match any post).
   *
   * @param query a query as it will be matched (rewritten or not)
   * @param dictionary numbers the terms, once per compiled rule set
   */
  static Optional<RequiredTerms> of(Query query, TermDictionary dictionary) {
    requireNonNull(query, "query");
    requireNonNull(dictionary, "dictionary");
    return Optional.ofNullable(new Builder(dictionary).needs(query)).map(RequiredTerms::new);
  }

  /**
   * Whether the post has terms enough for the query to possibly match.
   *
   * @param terms the post's terms, from the dictionary this was made with
   */
  boolean presentIn(TermDictionary.PostTerms terms) {
    return root.presentIn(terms);
  }

  /** The formula, e.g. {@code all(text:a, any(text:b, text:c))}. */
  @Override
  public String toString() {
    return root.toString();
  }

  /** Builds formulas, numbering their terms in one dictionary. */
  private static final class Builder {
    private final TermDictionary dictionary;

    Builder(TermDictionary dictionary) {
      this.dictionary = dictionary;
    }

    /** The formula of a query; null when it may match without any particular term. */
    private Node needs(Query query) {
      if (query instanceof TermQuery term) {
        return new Present(term.getTerm(), dictionary.idOf(term.getTerm()));
      }
      if (query instanceof PhraseQuery phrase) {
        return allOf(List.of(phrase.getTerms()));
      }
      if (query instanceof MultiPhraseQuery multiPhrase) {
        List<Node> positions = new ArrayList<>();
        for (Term[] alternatives : multiPhrase.getTermArrays()) {
          Node position = anyOf(List.of(alternatives));
          if (position != null) {
            positions.add(position);
          }
        }
        return atLeast(positions.size(), positions, 0);
      }
      if (query instanceof SynonymQuery synonyms) {
        return anyOf(synonyms.getTerms());
      }
      if (query instanceof BoostQuery boost) {
        return needs(boost.getQuery());
      }
      if (query instanceof ConstantScoreQuery constantScore) {
        return needs(constantScore.getQuery());
      }
      if (query instanceof DisjunctionMaxQuery disjunction) {
        return needsOneOf(disjunction.getDisjuncts());
      }
      if (query instanceof BooleanQuery bool) {
        return needsClauses(bool);
      }
      return null;
    }

    private Node needsClauses(BooleanQuery query) {
      List<Node> required = new ArrayList<>();
      boolean anyRequired = false;
      List<Query> optional = new ArrayList<>();
      for (BooleanClause clause : query.clauses()) {
        switch (clause.getOccur()) {
          case MUST, FILTER -> {
            anyRequired = true;
            Node node = needs(clause.getQuery());
            if (node != null) {
              required.add(node);
            }
          }
          case SHOULD -> optional.add(clause.getQuery());
          case MUST_NOT -> {
            // A negated clause never makes a term required.
          }
        }
      }
      if (!anyRequired && optional.isEmpty()) {
        // Only negated clauses: Lucene matches nothing, but nothing is required here either.
        return null;
      }
      // Without required clauses, Lucene needs at least one optional clause to match.
      int minimum =
          anyRequired
              ? query.getMinimumNumberShouldMatch()
              : Math.max(1, query.getMinimumNumberShouldMatch());
      List<Node> alternatives = new ArrayList<>();
      int unknown = 0;
      for (Query clause : optional) {
        Node node = needs(clause);
        if (node == null) {
          unknown++;
        } else {
          alternatives.add(node);
        }
      }
      Node fromOptional = atLeast(minimum, alternatives, unknown);
      if (fromOptional != null) {
        required.add(fromOptional);
      }
      return atLeast(required.size(), required, 0);
    }

    private Node needsOneOf(Iterable<Query> disjuncts) {
      List<Node> alternatives = new ArrayList<>();
      for (Query disjunct : disjuncts) {
        Node node = needs(disjunct);
        if (node == null) {
          return null;
        }
        alternatives.add(node);
      }
      return atLeast(1, alternatives, 0);
    }

    private Node allOf(List<Term> terms) {
      List<Node> present = distinct(terms);
      return atLeast(present.size(), present, 0);
    }

    private Node anyOf(List<Term> terms) {
      return atLeast(1, distinct(terms), 0);
    }

    private List<Node> distinct(List<Term> terms) {
      Set<Node> present = new LinkedHashSet<>();
      terms.forEach(term -> present.add(new Present(term, dictionary.idOf(term))));
      return List.copyOf(present);
    }

    /**
     * At least {@code minimum} of {@code parts} and of {@code unknown} further parts that may
     * always be satisfied; null when that needs nothing, or when there are no parts to tell by.
     */
    private Node atLeast(int minimum, List<Node> parts, int unknown) {
      int needed = minimum - unknown;
      if (needed <= 0 || parts.isEmpty()) {
        return null;
      }
      if (parts.size() == 1 && needed == 1) {
        return parts.get(0);
      }
      return new AtLeast(needed, List.copyOf(parts));
    }
  }

  private interface Node {
    boolean presentIn(TermDictionary.PostTerms terms);
  }

  /** A term, with its number in the rule set's dictionary. */
  private record Present(Term term, int id) implements Node {
    @Override
    public boolean presentIn(TermDictionary.PostTerms terms) {
      return terms.contains(id);
    }

    @Override
    public String toString() {
      return term.toString();
    }
  }

  /** At least {@code minimum} parts present; more than there are parts means never. */
  private record AtLeast(int minimum, List<Node> parts) implements Node {
    @Override
    public boolean presentIn(TermDictionary.PostTerms terms) {
      int missing = 0;
      int present = 0;
      for (Node part : parts) {
        if (part.presentIn(terms)) {
          if (++present == minimum) {
            return true;
          }
        } else if (parts.size() - ++missing < minimum) {
          return false;
        }
      }
      return present >= minimum;
    }

    @Override
    public String toString() {
      String prefix = minimum == parts.size() ? "all" : minimum == 1 ? "any" : "atLeast" + minimum;
      return parts.stream()
          .map(Node::toString)
          .collect(Collectors.joining(", ", prefix + "(", ")"));
    }
  }
}

package org.crossingwatch.classifier.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene Monitor's {@link MultipassTermFilteredPresearcher}, indexing rules exactly as it does
 * (same weightor, no filter fields, no minimum weight), with a cheaper query over the rule index.
 * Each rule is indexed once per pass, each pass with terms from a different route through the query
 * (for {@code "a b"}: {@code a}, then {@code b}), and a rule is a candidate when, in every pass, a
 * post term is one of the terms indexed for it in its field, or it is indexed as "any token". So
 * with two passes a rule needs two of its terms in the post, not one, to be a candidate, which
 * keeps most rules that cannot match away from Monitor's per-candidate work; one pass selects the
 * candidates of Lucene's {@link TermFilteredPresearcher}. The query differs from Lucene's in how it
 * finds them:
 *
 * <ul>
 *   <li>the rule documents are computed directly ({@link CandidateQuery}): one bit set per pass,
 *       each post term's postings in the pass's field OR-ed in, the passes AND-ed, instead of a
 *       term query per term (or, later, a term-set query per field and pass under a boolean query),
 *       which for the 20 to 60 terms of a typical post was most of the presearcher's cost;
 *   <li>the "any token" term is left out when no rule was indexed as one (the rule index's term
 *       filter says so), instead of looking it up for every post.
 * </ul>
 *
 * Language routing is not done here but by the matcher, from each candidate's key ({@link
 * SpansMatch#matcher}): a filter clause over the routing field cost a term lookup per routed
 * language on every post. Stateless and thread-safe.
 */
final class TermSetPresearcher extends Presearcher {
  private static final BytesRef ANYTOKEN = new BytesRef(TermFilteredPresearcher.ANYTOKEN);

  private final int passes;
  private final TermFilteredPresearcher indexing;

  /**
   * @param passes how many times each rule is indexed, at least 1
   * @throws IllegalArgumentException if {@code passes} is less than 1
   */
  TermSetPresearcher(int passes) {
    if (passes < 1) {
      throw new IllegalArgumentException("passes must be at least 1, was " + passes);
    }
    this.passes = passes;
    this.indexing =
        new MultipassTermFilteredPresearcher(
            passes, 0, TermFilteredPresearcher.DEFAULT_WEIGHTOR, List.of(), Set.of());
  }

  @Override
  public Document indexQuery(Query query, Map<String, String> metadata) {
    Query parsed = query instanceof PreparedQuery prepared ? prepared.source() : query;
    return compact(indexing.indexQuery(parsed, metadata));
  }

  /**
   * The same document with each term field's terms as plain values. Lucene's presearcher hands out
   * each field's terms as a token stream over a hash that holds a 32 KB block, two per pass, and
   * Monitor builds the documents of all rules before it indexes them: 100,000 rules in two passes
   * needed over 3 GB. Each term becomes an untokenized, docs-only value of its field instead, which
   * indexes the same terms as Lucene's docs-only query field type.
   */
  private static Document compact(Document document) {
    Document compacted = new Document();
    for (IndexableField field : document) {
      TokenStream terms = field instanceof Field value ? value.tokenStreamValue() : null;
      if (terms == null) {
        compacted.add(field);
        continue;
      }
      try (terms) {
        TermToBytesRefAttribute term = terms.addAttribute(TermToBytesRefAttribute.class);
        terms.reset();
        while (terms.incrementToken()) {
          compacted.add(
              new StringField(
                  field.name(), BytesRef.deepCopyOf(term.getBytesRef()), Field.Store.NO));
        }
        terms.end();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the terms of field '" + field.name() + "'", e);
      }
    }
    return compacted;
  }

  @Override
  public Query buildQuery(LeafReader reader, BiPredicate<String, BytesRef> termAcceptor) {
    Map<String, List<BytesRef>> accepted = acceptedTerms(reader, termAcceptor);
    boolean anyToken = termAcceptor.test(TermFilteredPresearcher.ANYTOKEN_FIELD, ANYTOKEN);
    if (accepted.isEmpty() && !anyToken) {
      return new MatchNoDocsQuery();
    }
    return new CandidateQuery(
        accepted,
        TermFilteredPresearcher.ANYTOKEN_FIELD,
        anyToken ? List.of(ANYTOKEN) : List.of(),
        passes);
  }

  /** The post's terms that some rule is indexed under, by field; fields without any left out. */
  private static Map<String, List<BytesRef>> acceptedTerms(
      LeafReader reader, BiPredicate<String, BytesRef> termAcceptor) {
    Map<String, List<BytesRef>> accepted = new LinkedHashMap<>();
    try {
      for (FieldInfo field : reader.getFieldInfos()) {
        Terms terms = reader.terms(field.name);
        if (terms == null) {
          continue;
        }
        List<BytesRef> fieldTerms = new ArrayList<>();
        TermsEnum termsEnum = terms.iterator();
        for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
          if (termAcceptor.test(field.name, term)) {
            fieldTerms.add(BytesRef.deepCopyOf(term));
          }
        }
        if (!fieldTerms.isEmpty()) {
          accepted.put(field.name, fieldTerms);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the post's terms", e);
    }
    return accepted;
  }
}

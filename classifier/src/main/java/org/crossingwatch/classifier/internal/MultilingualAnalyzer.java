package org.crossingwatch.classifier.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The one analyzer for posts and rule queries alike, in every script: ICU word segmentation, ICU
 * folding (case, diacritics, compatibility forms), French elision ({@code l'Angleterre} is {@code
 * angleterre}), then Persian and Arabic letter unification so that {@code ی/ي/ى}, {@code ک/ك},
 * {@code أ/إ/آ/ا} and {@code ة/ه} match each other, and light Arabic stemming so that {@code
 * التهريب} matches {@code تهريب} and {@code وجوازات} matches {@code جوازات} (queries go through the
 * same analyzer). Expects text already passed through {@link
 * org.crossingwatch.classifier.normalize.Normalizer}. Thread-safe (Lucene analyzers keep per-thread
 * components).
 */
public final class MultilingualAnalyzer extends Analyzer {
  /** The single field that posts are indexed in and rules query. */
  public static final String FIELD = "text";

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new ICUTokenizer();
    // Light Arabic stemming (ال، و، ب... prefixes, ات، ون، ها... suffixes) touches only Arabic
    // letters, so Latin and Cyrillic words pass through; it runs after the letter unification
    // whose output it expects.
    return new TokenStreamComponents(tokenizer, new ArabicStemFilter(fold(tokenizer)));
  }

  /**
   * Wildcard, prefix and regexp terms of a query get the same folding as whole words, but no
   * stemming: write {@code تهريب*}, not {@code التهريب*}.
   */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return fold(in);
  }

  private static TokenStream fold(TokenStream in) {
    TokenStream out = new ICUFoldingFilter(in);
    // French elision (l', d', qu'...) after folding, which has lower-cased the article.
    out = new ElisionFilter(out, FrenchAnalyzer.DEFAULT_ARTICLES);
    // Persian first: it maps Farsi yeh and keheh to the Arabic letters that the Arabic filter
    // then unifies with alef maksura; the reverse order would leave Farsi yeh unmatched.
    out = new PersianNormalizationFilter(out);
    out = new ArabicNormalizationFilter(out);
    return out;
  }
}

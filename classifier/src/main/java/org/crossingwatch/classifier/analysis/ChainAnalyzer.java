package org.crossingwatch.classifier.analysis;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * An analyzer made of ICU word segmentation and a filter chain from {@link LanguageChains}; the
 * chain for wildcard, prefix and regexp terms is a second one without stemming (a stem of a
 * truncated word means nothing). Thread-safe like every Lucene analyzer.
 */
final class ChainAnalyzer extends Analyzer {
  private final String name;
  private final UnaryOperator<TokenStream> wordChain;
  private final UnaryOperator<TokenStream> termChain;

  /**
   * @param name the language or field this analyzer serves, for {@link #toString()}
   * @param wordChain filters applied to the tokenizer's words at index and query time
   * @param termChain filters applied to multi-term query terms (wildcards, prefixes)
   */
  ChainAnalyzer(
      String name, UnaryOperator<TokenStream> wordChain, UnaryOperator<TokenStream> termChain) {
    this.name = name;
    this.wordChain = wordChain;
    this.termChain = termChain;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new ICUTokenizer();
    return new TokenStreamComponents(tokenizer, wordChain.apply(tokenizer));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return termChain.apply(in);
  }

  /** The language or field this analyzer serves. */
  String name() {
    return name;
  }

  @Override
  public String toString() {
    return "ChainAnalyzer[" + name + "]";
  }
}

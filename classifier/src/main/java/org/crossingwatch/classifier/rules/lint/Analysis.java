package org.crossingwatch.classifier.rules.lint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.crossingwatch.classifier.internal.MultilingualAnalyzer;
import org.crossingwatch.classifier.normalize.Normalizer;

/**
 * The tokens a text becomes after the classifier's normalisation and analysis: what rules are
 * matched against. Posts and rule queries go through the same steps, so an analyst can see why a
 * word does or does not match. Thread-safe.
 */
public final class Analysis {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();

  private Analysis() {}

  /**
   * Normalises and analyses a text as the classifier does a post's.
   *
   * @param text any text; may be empty
   * @return the tokens in text order; empty when the analysis keeps nothing (punctuation only)
   */
  public static List<String> tokens(String text) {
    requireNonNull(text, "text");
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream =
        ANALYZER.tokenStream(MultilingualAnalyzer.FIELD, Normalizer.normalize(text).text())) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("In-memory analysis failed for '" + text + "'", e);
    }
    return List.copyOf(tokens);
  }
}

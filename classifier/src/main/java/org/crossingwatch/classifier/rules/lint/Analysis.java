package org.crossingwatch.classifier.rules.lint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.normalize.Normalizer;

/**
 * The tokens a text becomes after the classifier's normalisation and one language's analysis: what
 * that language's rules are matched against. Posts and rule queries go through the same steps, so
 * an analyst can see why a word does or does not match. Thread-safe.
 */
public final class Analysis {
  private Analysis() {}

  /**
   * Normalises a text as the classifier does a post's and analyses it in the field that rules of
   * {@code ruleLanguage} query.
   *
   * @param text any text; may be empty
   * @param ruleLanguage a rule's language code or {@code any}
   * @return the tokens in text order; empty when the analysis keeps nothing (punctuation only)
   */
  public static List<String> tokens(String text, String ruleLanguage) {
    return tokensIn(PostFields.fieldOf(requireNonNull(ruleLanguage, "ruleLanguage")), text);
  }

  /**
   * The tokens of a text in the language-neutral field (numbers, emoji and flag tokens), which rule
   * terms made only of such tokens query whatever the rule's language.
   */
  static List<String> neutralTokens(String text) {
    return tokensIn(PostFields.NEUTRAL_FIELD, text);
  }

  private static List<String> tokensIn(String field, String text) {
    requireNonNull(text, "text");
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream =
        PostFields.analyzer().tokenStream(field, Normalizer.normalize(text).text())) {
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

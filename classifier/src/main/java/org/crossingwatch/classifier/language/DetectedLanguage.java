package org.crossingwatch.classifier.language;

import static java.util.Objects.requireNonNull;

/**
 * One language found in a text.
 *
 * @param code the language code ({@code ar}, {@code ar-Latn}, {@code fa}, {@code ckb}, ...; see
 *     {@link LanguageDetector})
 * @param share the fraction of the text's letters in this language, in {@code (0, 1]}
 * @param confidence how sure the detector is of the code for those letters, in {@code [0, 1]}: near
 *     1 for a decisive letter or a long unambiguous stretch, low for a short text
 */
public record DetectedLanguage(String code, double share, double confidence) {
  public DetectedLanguage {
    requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("language code must not be blank, got '" + code + "'");
    }
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1], got " + share);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
  }
}

package org.crossingwatch.classifier.internal;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * PROVISIONAL language guess from scripts and a few tell-tale letters, until real language
 * detection arrives. Arabic script is split into Sorani Kurdish ({@code ku}), Pashto ({@code ps}),
 * Urdu ({@code ur}), Persian/Dari ({@code fa}) and Arabic ({@code ar}) by letters only those
 * languages use; Cyrillic is {@code ru} (or {@code uk}); Latin is {@code tr}, {@code sq}, {@code
 * es}, {@code fr} or {@code de} by their special letters, otherwise {@code latin}. Thread-safe and
 * stateless.
 */
public final class LanguageGuesser {
  /** A script is listed when it has at least this share of the post's letters. */
  private static final double MIN_SHARE = 0.2;

  private LanguageGuesser() {}

  /**
   * Guesses the languages of a text.
   *
   * @return the languages, the one with most letters first; empty when the text has no letters
   */
  public static List<String> guess(String text) {
    Map<UnicodeScript, StringBuilder> letters = new EnumMap<>(UnicodeScript.class);
    int total = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters.computeIfAbsent(UnicodeScript.of(cp), s -> new StringBuilder()).appendCodePoint(cp);
        total++;
      }
    }
    List<Map.Entry<UnicodeScript, StringBuilder>> byCount = new ArrayList<>(letters.entrySet());
    byCount.sort((a, b) -> Integer.compare(b.getValue().length(), a.getValue().length()));
    List<String> languages = new ArrayList<>();
    for (Map.Entry<UnicodeScript, StringBuilder> entry : byCount) {
      boolean prominent = (double) entry.getValue().length() / total >= MIN_SHARE;
      if (languages.isEmpty() || prominent) {
        String language = language(entry.getKey(), entry.getValue().toString());
        if (!languages.contains(language)) {
          languages.add(language);
        }
      }
    }
    return List.copyOf(languages);
  }

  private static String language(UnicodeScript script, String letters) {
    return switch (script) {
      case ARABIC -> arabicScript(letters);
      case CYRILLIC -> containsAny(letters, "іїєґІЇЄҐ") ? "uk" : "ru";
      case LATIN -> latinScript(letters);
      case GREEK -> "el";
      case ETHIOPIC -> "ti";
      case HEBREW -> "he";
      case DEVANAGARI -> "hi";
      case BENGALI -> "bn";
      case HAN -> "zh";
      default -> script.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String arabicScript(String letters) {
    if (containsAny(letters, "ەڕۆێڵ")) {
      return "ku";
    }
    if (containsAny(letters, "ښځڅټړږ")) {
      return "ps";
    }
    if (containsAny(letters, "ےٹڈںھ")) {
      return "ur";
    }
    if (containsAny(letters, "پچژگیک")) {
      return "fa";
    }
    return "ar";
  }

  private static String latinScript(String letters) {
    if (containsAny(letters, "ğşıİĞŞ")) {
      return "tr";
    }
    if (containsAny(letters, "ëË")) {
      return "sq";
    }
    if (containsAny(letters, "ñÑ")) {
      return "es";
    }
    if (containsAny(letters, "àâçéèêîôûùœÀÂÇÉÈÊÎÔÛÙŒ")) {
      return "fr";
    }
    if (containsAny(letters, "äöüßÄÖÜ")) {
      return "de";
    }
    return "latin";
  }

  private static boolean containsAny(String letters, String tells) {
    for (int i = 0; i < tells.length(); i++) {
      if (letters.indexOf(tells.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}

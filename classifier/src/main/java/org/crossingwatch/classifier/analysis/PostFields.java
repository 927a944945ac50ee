package org.crossingwatch.classifier.analysis;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.crossingwatch.classifier.language.DetectedLanguage;

/**
 * The Lucene fields a post is indexed in and the analyzer of each. The front door of this package.
 *
 * <ul>
 *   <li>{@code text_<chain>} for each distinct analysis chain of the {@linkplain #languages()
 *       languages with their own analysis}: a rule of language {@code lang} queries the field of
 *       its language's chain ({@link #fieldOf}). Languages that share a chain share a field, so a
 *       post is analysed once per chain, not once per language: Persian, Pashto and Urdu share
 *       {@code text_arabic}; the languages that are only folded (Ukrainian, Polish, Albanian,
 *       Vietnamese, Kurmanji, Amharic, Tigrinya) share {@code text_folded}; the others have their
 *       own ({@code text_en}, {@code text_ru}...);
 *   <li>{@value #FALLBACK_FIELD}: every post, folded for all scripts; rules of language {@value
 *       #ANY}, of a language without its own analysis, and of Arabic and Maghrebi Arabic, whose
 *       chain it is, query it;
 *   <li>{@value #NEUTRAL_FIELD}: every post's numbers and symbol tokens ({@code emoji_boat}, {@code
 *       flag_gr}, {@code currency_eur}), which a rule of any language finds here whatever the
 *       post's language analysis does to its words;
 *   <li>{@value #LANGUAGE_FIELD}: not analysed; the rule languages of the post plus {@value #ANY},
 *       for the presearcher's language routing.
 * </ul>
 *
 * <p>Detected language codes map onto rule languages by dropping the script: Arabizi ({@code
 * ar-Latn}) is {@code ar}, Roman Urdu ({@code ur-Latn}) is {@code ur}, since rule files carry bare
 * ISO 639 codes. Immutable and thread-safe.
 */
public final class PostFields {
  /** The folded fallback field that every post is indexed in. */
  public static final String FALLBACK_FIELD = "text";

  /** The language-neutral field: numbers and symbol tokens. */
  public static final String NEUTRAL_FIELD = "neutral";

  /** The filter field holding a post's rule languages, and a rule's language in its metadata. */
  public static final String LANGUAGE_FIELD = "language";

  /** The rule language that applies to every post. */
  public static final String ANY = "any";

  /**
   * A detected language this sure is routed alone; a less sure one brings every rule language
   * written in its script, because short texts are easily taken for a neighbour (Amharic for
   * Tigrinya, Ukrainian for Russian, Dari for Arabic).
   */
  public static final double CONFIDENT = 0.9;

  private static final String LANGUAGE_PREFIX = "text_";

  /**
   * The rule languages written in each script, Arabic script first; Arabic and Urdu rules are also
   * written in Latin letters (Arabizi, Roman Urdu).
   */
  private static final List<Set<String>> SCRIPTS =
      List.of(
          Set.of("ar", "ary", "fa", "ps", "ur", "ckb"),
          Set.of("en", "fr", "es", "it", "de", "pl", "sq", "vi", "tr", "kmr", "ar", "ur"),
          Set.of("ru", "uk"),
          Set.of("am", "ti"),
          Set.of("el"),
          Set.of("bn"));

  private static final ChainAnalyzer FALLBACK = LanguageChains.multiscript(ANY);

  /** Each language's chain; languages with the same chain share one instance, hence one field. */
  private static final Map<String, ChainAnalyzer> BY_LANGUAGE = byLanguage();

  private static final Analyzer ANALYZER = perField();

  private PostFields() {}

  /** The rule languages that have their own field and analysis. */
  public static Set<String> languages() {
    return BY_LANGUAGE.keySet();
  }

  /**
   * The analyzer of every field, for posts and rule queries alike.
   *
   * @return one shared instance; thread-safe
   */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  /**
   * The field a rule of this language queries.
   *
   * @param ruleLanguage an ISO 639 code or {@value #ANY}
   * @return the {@code text_<chain>} field of the language's analysis chain, or {@value
   *     #FALLBACK_FIELD} for {@value #ANY}, languages without their own analysis and languages
   *     analysed with the fallback's chain
   */
  public static String fieldOf(String ruleLanguage) {
    return routedLanguage(ruleLanguage)
        .map(lang -> field(BY_LANGUAGE.get(lang)))
        .orElse(FALLBACK_FIELD);
  }

  private static String field(ChainAnalyzer chain) {
    return chain == FALLBACK ? FALLBACK_FIELD : LANGUAGE_PREFIX + chain.name();
  }

  /**
   * The value a rule of this language carries in {@value #LANGUAGE_FIELD}: its language when it has
   * its own field, else {@value #ANY} so that it is routed like a language-neutral rule.
   */
  public static String routingValue(String ruleLanguage) {
    return routedLanguage(ruleLanguage).orElse(ANY);
  }

  /**
   * The rule languages whose rules a post is checked against (besides {@value #ANY}), from the
   * languages detected in it: each {@linkplain #CONFIDENT confidently} detected language, and every
   * rule language of the script of a language detected with less confidence. Arabizi ({@code
   * ar-Latn}) and Roman Urdu ({@code ur-Latn}) also bring English and French, which their posts mix
   * in.
   *
   * @param detected the detector's languages, in any order; may be empty
   * @return the rule languages, sorted; empty when none has its own field
   */
  public static SortedSet<String> ruleLanguagesOf(List<DetectedLanguage> detected) {
    requireNonNull(detected, "detected");
    SortedSet<String> routed = new TreeSet<>();
    for (DetectedLanguage language : detected) {
      Optional<String> rule = ruleLanguageOf(language.code());
      if (rule.isEmpty()) {
        continue;
      }
      routed.add(rule.get());
      if (language.code().endsWith("-Latn")) {
        routed.addAll(List.of("en", "fr"));
      }
      if (language.confidence() < CONFIDENT) {
        // Arabic and Urdu are in two scripts: the code's script tag says which one.
        String member = language.code().endsWith("-Latn") ? "en" : rule.get();
        SCRIPTS.stream()
            .filter(script -> script.contains(member))
            .findFirst()
            .ifPresent(routed::addAll);
      }
    }
    return Collections.unmodifiableSortedSet(routed);
  }

  /**
   * The rule language of a detected language code.
   *
   * @param detectedCode a code from the language detector ({@code ar-Latn}, {@code fa}...)
   * @return the rule language with its own field, or empty when there is none (e.g. {@code und})
   */
  public static Optional<String> ruleLanguageOf(String detectedCode) {
    requireNonNull(detectedCode, "detectedCode");
    int dash = detectedCode.indexOf('-');
    String base = dash < 0 ? detectedCode : detectedCode.substring(0, dash);
    return routedLanguage(base);
  }

  /**
   * Whether a query word belongs in {@value #NEUTRAL_FIELD}: a number ({@code 3000}, {@code 1.500})
   * or a symbol token ({@code emoji_boat}, {@code flag_gr}, {@code currency_eur}), in any case.
   */
  public static boolean isNeutralWord(String word) {
    return NeutralTokenFilter.isNeutral(requireNonNull(word, "word").toLowerCase(Locale.ROOT));
  }

  private static Optional<String> routedLanguage(String language) {
    requireNonNull(language, "language");
    String code = language.toLowerCase(Locale.ROOT);
    return BY_LANGUAGE.containsKey(code) ? Optional.of(code) : Optional.empty();
  }

  private static Map<String, ChainAnalyzer> byLanguage() {
    Map<String, ChainAnalyzer> analyzers = new LinkedHashMap<>();
    // Arabic and Maghrebi Arabic are analysed with the fallback's own chain, hence its field.
    analyzers.put("ar", FALLBACK);
    analyzers.put("ary", FALLBACK);
    ChainAnalyzer arabicScript = LanguageChains.arabicScriptFolding("arabic");
    for (String language : new String[] {"fa", "ps", "ur"}) {
      analyzers.put(language, arabicScript);
    }
    analyzers.put("ckb", LanguageChains.sorani());
    analyzers.put("tr", LanguageChains.turkish());
    analyzers.put("en", LanguageChains.english());
    analyzers.put("fr", LanguageChains.french());
    analyzers.put("es", LanguageChains.spanish());
    analyzers.put("it", LanguageChains.italian());
    analyzers.put("de", LanguageChains.german());
    analyzers.put("ru", LanguageChains.russian());
    analyzers.put("el", LanguageChains.greek());
    analyzers.put("bn", LanguageChains.bengali());
    ChainAnalyzer folded = LanguageChains.folding("folded");
    for (String language : new String[] {"uk", "pl", "sq", "vi", "kmr", "am", "ti"}) {
      analyzers.put(language, folded);
    }
    return Collections.unmodifiableMap(analyzers);
  }

  private static Analyzer perField() {
    Map<String, Analyzer> fields = new LinkedHashMap<>();
    BY_LANGUAGE.values().forEach(chain -> fields.put(field(chain), chain));
    fields.put(NEUTRAL_FIELD, LanguageChains.neutral());
    return new PerFieldAnalyzerWrapper(FALLBACK, fields);
  }
}

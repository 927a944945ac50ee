package org.crossingwatch.classifier.analysis;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.bn.BengaliNormalizationFilter;
import org.apache.lucene.analysis.bn.BengaliStemFilter;
import org.apache.lucene.analysis.ckb.SoraniNormalizationFilter;
import org.apache.lucene.analysis.ckb.SoraniStemFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.el.GreekStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The filter chain of every language, after ICU word segmentation. No chain removes stop words:
 * rules rely on short words ({@code "pay on arrival"}, {@code "من زوارة"}) and a stop filter would
 * silently change what they match. Every chain but Bengali's folds with ICU (case, diacritics,
 * compatibility forms) so obfuscated and unaccented spellings meet the rules. Where Lucene has a
 * stemmer for the language its light variant is used (not for Persian, see {@link
 * #arabicScriptFolding}); Polish (Stempel) and Ukrainian (Morfologik) stemmers live in separate
 * artifacts with large dictionaries and are not used: those languages are folded only, as are the
 * languages Lucene has no analysis for (Pashto, Urdu, Tigrinya, Amharic, Albanian, Vietnamese,
 * Kurmanji). Bengali is the one exception to folding (see {@link #bengali()}). The Latin-script
 * chains other than the Arabizi one read digits written for letters ({@link
 * LeetspeakFoldingFilter}) after folding and before stemming.
 */
final class LanguageChains {
  /** Italian articles that elide onto the next word ({@code l'Italia}, {@code dall'Albania}). */
  private static final CharArraySet ITALIAN_ARTICLES =
      new CharArraySet(
          List.of(
              "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
              "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"),
          true);

  private LanguageChains() {}

  /**
   * The folded fallback for rules of language {@code any}, also used for Arabic, Maghrebi Arabic
   * and Arabizi: folding, French elision (Arabizi posts borrow French articles, {@code l'Europe}),
   * Arabic-script letter unification (Arabic is often typed on Persian keyboards) and light Arabic
   * stemming, which touches Arabic letters only, so one rule can list words of many languages.
   */
  static ChainAnalyzer multiscript(String name) {
    return new ChainAnalyzer(
        name, in -> new ArabicStemFilter(foldedMultiscript(in)), LanguageChains::foldedMultiscript);
  }

  /**
   * Persian and Dari, Pashto and Urdu: folding and letter unification only. Lucene has no analysis
   * for Pashto and Urdu; its Persian stemmer made a Dari visa-advice post match a smuggling-route
   * rule on the dev split ({@code رهنمایی} cut to {@code رهنما}, a guide), so Persian is not
   * stemmed either.
   */
  static ChainAnalyzer arabicScriptFolding(String language) {
    return new ChainAnalyzer(language, LanguageChains::arabicScript, LanguageChains::arabicScript);
  }

  /** Sorani Kurdish, as Lucene's SoraniAnalyzer without stop words. */
  static ChainAnalyzer sorani() {
    return new ChainAnalyzer(
        "ckb",
        in -> {
          // Sorani normalisation first: it reads the raw Arabic-script letters (ه before ‌,
          // ي/ى, ك) that folding would already have changed.
          TokenStream out = new SoraniNormalizationFilter(in);
          out = new ICUFoldingFilter(out);
          out = new SoraniStemFilter(out);
          return out;
        },
        in -> new ICUFoldingFilter(new SoraniNormalizationFilter(in)));
  }

  /** Turkish: Turkish casing and apostrophe suffixes, then folding; no stemming. */
  static ChainAnalyzer turkish() {
    UnaryOperator<TokenStream> chain =
        in -> {
          // Turkish lower-casing before folding: İ is i and I is ı only in Turkish.
          TokenStream out = new TurkishLowerCaseFilter(in);
          // İzmir'den, Yunanistan'a: the suffix after the apostrophe goes.
          out = new ApostropheFilter(out);
          out = new ICUFoldingFilter(out);
          return out;
        };
    return new ChainAnalyzer("tr", in -> new LeetspeakFoldingFilter(chain.apply(in)), chain);
  }

  /** English: folding, possessives, plural stemming. */
  static ChainAnalyzer english() {
    return new ChainAnalyzer(
        "en",
        in -> {
          TokenStream out = new ICUFoldingFilter(in);
          out = new LeetspeakFoldingFilter(out);
          out = new EnglishPossessiveFilter(out);
          out = new EnglishMinimalStemFilter(out);
          return out;
        },
        ICUFoldingFilter::new);
  }

  /** French: folding, elision, light stemming. */
  static ChainAnalyzer french() {
    return new ChainAnalyzer(
        "fr",
        in -> new FrenchLightStemFilter(new LeetspeakFoldingFilter(frenchFolded(in))),
        LanguageChains::frenchFolded);
  }

  /** Spanish: folding and light stemming. */
  static ChainAnalyzer spanish() {
    return new ChainAnalyzer(
        "es",
        in -> new SpanishLightStemFilter(new LeetspeakFoldingFilter(new ICUFoldingFilter(in))),
        ICUFoldingFilter::new);
  }

  /** Italian: folding, elision, light stemming. */
  static ChainAnalyzer italian() {
    return new ChainAnalyzer(
        "it",
        in -> new ItalianLightStemFilter(new LeetspeakFoldingFilter(italianFolded(in))),
        LanguageChains::italianFolded);
  }

  /** German: folding, umlaut and ß spellings unified, light stemming. */
  static ChainAnalyzer german() {
    UnaryOperator<TokenStream> folded =
        in -> {
          TokenStream out = new ICUFoldingFilter(in);
          // After folding, so that Mae/Mä, Groesse/Größe end up the same.
          out = new GermanNormalizationFilter(out);
          return out;
        };
    return new ChainAnalyzer(
        "de",
        in -> new GermanLightStemFilter(new LeetspeakFoldingFilter(folded.apply(in))),
        folded);
  }

  /** Russian: light stemming on lower-case Cyrillic, then folding. */
  static ChainAnalyzer russian() {
    return new ChainAnalyzer(
        "ru",
        in -> {
          TokenStream out = new LowerCaseFilter(in);
          // The stemmer's suffix rules spell й and ё, which folding would turn into и and е.
          out = new RussianLightStemFilter(out);
          out = new ICUFoldingFilter(out);
          return out;
        },
        ICUFoldingFilter::new);
  }

  /** Greek: Greek lower-casing (final sigma, tonos), stemming, then folding. */
  static ChainAnalyzer greek() {
    return new ChainAnalyzer(
        "el",
        in -> {
          // The stemmer expects the Greek lower-case filter's output: no tonos, σ for ς.
          TokenStream out = new GreekLowerCaseFilter(in);
          out = new GreekStemFilter(out);
          out = new ICUFoldingFilter(out);
          return out;
        },
        in -> new ICUFoldingFilter(new GreekLowerCaseFilter(in)));
  }

  /**
   * Bengali, as Lucene's BengaliAnalyzer without stop words. No ICU folding: it strips the hasanta
   * and vowel signs that tell Bengali words apart; lower-casing covers Latin words mixed in.
   */
  static ChainAnalyzer bengali() {
    UnaryOperator<TokenStream> normalized =
        in -> {
          TokenStream out = new LowerCaseFilter(in);
          out = new IndicNormalizationFilter(out);
          // Bengali normalisation expects Indic normalisation's canonical vowel signs.
          out = new BengaliNormalizationFilter(out);
          return out;
        };
    return new ChainAnalyzer("bn", in -> new BengaliStemFilter(normalized.apply(in)), normalized);
  }

  /**
   * Languages folded only: Latin, Cyrillic and Ethiopic scripts without a light stemmer here. Latin
   * words written with digits for letters also get their letter spelling.
   */
  static ChainAnalyzer folding(String language) {
    return new ChainAnalyzer(
        language,
        in -> new LeetspeakFoldingFilter(new ICUFoldingFilter(in)),
        ICUFoldingFilter::new);
  }

  /** The language-neutral field: numbers and symbol tokens only, folded. */
  static ChainAnalyzer neutral() {
    UnaryOperator<TokenStream> chain = in -> new NeutralTokenFilter(new ICUFoldingFilter(in));
    return new ChainAnalyzer("neutral", chain, ICUFoldingFilter::new);
  }

  private static TokenStream foldedMultiscript(TokenStream in) {
    TokenStream out = new ICUFoldingFilter(in);
    // French elision (l', d', qu'...) after folding, which has lower-cased the article.
    out = new ElisionFilter(out, FrenchAnalyzer.DEFAULT_ARTICLES);
    out = arabicLetters(out);
    return out;
  }

  private static TokenStream arabicScript(TokenStream in) {
    return arabicLetters(new ICUFoldingFilter(in));
  }

  private static TokenStream arabicLetters(TokenStream in) {
    // Persian first: it maps Farsi yeh and keheh to the Arabic letters that the Arabic filter
    // then unifies with alef maksura; the reverse order would leave Farsi yeh unmatched.
    TokenStream out = new PersianNormalizationFilter(in);
    out = new ArabicNormalizationFilter(out);
    return out;
  }

  private static TokenStream frenchFolded(TokenStream in) {
    TokenStream out = new ICUFoldingFilter(in);
    // Elision after folding, which has lower-cased the article.
    out = new ElisionFilter(out, FrenchAnalyzer.DEFAULT_ARTICLES);
    return out;
  }

  private static TokenStream italianFolded(TokenStream in) {
    TokenStream out = new ICUFoldingFilter(in);
    // Elision after folding, which has lower-cased the article.
    out = new ElisionFilter(out, ITALIAN_ARTICLES);
    return out;
  }
}

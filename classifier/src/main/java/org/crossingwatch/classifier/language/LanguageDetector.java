package org.crossingwatch.classifier.language;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.normalize.Normalizer;

/**
 * Detects the languages of a post, several per post when it mixes them. The front door of this
 * package.
 *
 * <p>Codes: {@code ar} (Arabic and its Levantine, Iraqi, Egyptian, Gulf and Libyan dialects),
 * {@code ary} (Maghrebi Arabic in Arabic script), {@code ar-Latn} (Arabizi, Arabic in Latin letters
 * and digits), {@code fa} (Persian and Dari together), {@code ps}, {@code ckb} (Sorani), {@code
 * kmr} (Kurmanji), {@code ur}, {@code ur-Latn} (Roman Urdu), {@code tr}, {@code en}, {@code sq},
 * {@code fr}, {@code es}, {@code it}, {@code de}, {@code pl}, {@code vi}, {@code ru}, {@code uk},
 * {@code el}, {@code bn}, {@code ti}, {@code am}; letters in any other script are {@code und}.
 *
 * <p>How: the text is normalised and cut into runs of one script within one sentence or line.
 * Letters only one language of a script uses narrow the candidates (Pashto ښ, Sorani ە, Urdu ے,
 * Persian گ without Arabic ة, Ukrainian ї, Russian ы, Tigrinya ቐ); Latin stretches get extra
 * evidence from Arabizi digits and function words; a character 1–4-gram naive Bayes model, trained
 * offline and shipped as a resource, decides among what is left. Each script is judged as a whole,
 * and a long sentence that clearly disagrees with its script's verdict keeps its own language.
 * Languages are reported by their share of the letters; a language under {@value #MIN_SHARE} of the
 * letters is dropped unless it is the only one.
 *
 * <p>Texts with fewer than {@value #SHORT_TEXT_LETTERS} letters in a script are too short for the
 * model to be trusted: the letter rules still apply, then the platform's hint if it names a
 * language of that script, then the model's guess with a confidence scaled down by length.
 *
 * <p>Immutable and thread-safe; {@link #shipped()} loads the model once per JVM.
 */
public final class LanguageDetector {
  /** The shipped model's resource, next to this class. */
  public static final String MODEL_RESOURCE = "langid-v1.tsv.gz";

  /** A language with a smaller share of the letters is not reported, unless it is the only one. */
  public static final double MIN_SHARE = 0.15;

  /** Below this many letters a script's text is judged by rules and hints before the model. */
  public static final int SHORT_TEXT_LETTERS = 15;

  /** A sentence needs this many letters to be judged on its own. */
  private static final int OWN_VERDICT_LETTERS = 20;

  /** A sentence keeps its own language over its script's verdict only this surely. */
  private static final double OWN_VERDICT_CONFIDENCE = 0.9;

  /** Tempers naive Bayes' overconfidence when log-likelihoods become probabilities. */
  private static final double TEMPERATURE = 0.2;

  private static final double HINT_CONFIDENCE = 0.5;
  private static final String UNDETERMINED = "und";

  private final LanguageModel model;
  private final CharacteristicLetters letters;

  private LanguageDetector(LanguageModel model) {
    this.model = model;
    this.letters = new CharacteristicLetters(model);
  }

  /**
   * The detector with the model shipped in this jar, loaded on first use.
   *
   * @throws IllegalStateException if the resource is missing or unreadable
   */
  public static LanguageDetector shipped() {
    return Shipped.INSTANCE;
  }

  /** A detector over a model read from a stream (for tests and retrained models). */
  static LanguageDetector of(InputStream gzipModel, String name) {
    return new LanguageDetector(LanguageModel.read(gzipModel, name));
  }

  /** The model's version, e.g. {@code 1}. */
  public String modelVersion() {
    return model.version();
  }

  /** The language codes the model knows, in model order. */
  public List<String> languages() {
    return model.codes();
  }

  /**
   * Detects the languages of a text.
   *
   * @param text any text, possibly empty
   * @return the languages, largest share first (ties by code); empty when the text has no letters
   *     (empty, digits, emoji, links only)
   * @throws NullPointerException if {@code text} is null
   */
  public List<DetectedLanguage> detect(String text) {
    return detect(text, Optional.empty());
  }

  /**
   * As {@link #detect(String)}, with the language the platform declared (BCP 47, e.g. {@code
   * fa-AF}, {@code ku}) to settle texts too short for the model.
   *
   * @throws NullPointerException if {@code text} or {@code languageHint} is null
   */
  public List<DetectedLanguage> detect(String text, Optional<String> languageHint) {
    requireNonNull(text, "text");
    requireNonNull(languageHint, "languageHint");
    return detect(Normalizer.normalize(text), languageHint);
  }

  /**
   * As {@link #detect(String, Optional)} for a text already normalised with {@link
   * Normalizer#normalize(String)}: the same languages, without normalising the text a second time.
   *
   * @param text the normalised text; the languages are those of its {@linkplain
   *     NormalizedText#original() original}
   * @throws NullPointerException if {@code text} or {@code languageHint} is null
   */
  public List<DetectedLanguage> detect(NormalizedText text, Optional<String> languageHint) {
    requireNonNull(text, "text");
    requireNonNull(languageHint, "languageHint");
    String prepared = TextPreparer.prepare(text);
    List<ScriptRun> runs = ScriptSegmenter.segment(prepared);
    int languages = model.codes().size();
    // per language (plus one slot for 'und'): letters, and letters weighted by confidence
    double[] letterCount = new double[languages + 1];
    double[] confidenceMass = new double[languages + 1];
    int total = 0;
    for (Script script : Script.values()) {
      List<ScriptRun> ofScript = new ArrayList<>();
      for (ScriptRun run : runs) {
        if (run.script() == script && run.letters() > 0) {
          ofScript.add(run);
        }
      }
      if (ofScript.isEmpty()) {
        continue;
      }
      Guess whole = guess(prepared, ofScript, script, languageHint);
      for (ScriptRun run : ofScript) {
        Guess chosen = whole;
        if (ofScript.size() > 1 && run.letters() >= OWN_VERDICT_LETTERS) {
          Guess own = guess(prepared, List.of(run), script, languageHint);
          if (own.language() != whole.language() && own.confidence() >= OWN_VERDICT_CONFIDENCE) {
            chosen = own;
          }
        }
        int slot = chosen.language() < 0 ? languages : chosen.language();
        letterCount[slot] += run.letters();
        confidenceMass[slot] += run.letters() * chosen.confidence();
        total += run.letters();
      }
    }
    if (total == 0) {
      return List.of();
    }
    List<DetectedLanguage> found = new ArrayList<>();
    for (int slot = 0; slot <= languages; slot++) {
      if (letterCount[slot] > 0) {
        String code = slot == languages ? UNDETERMINED : model.codes().get(slot);
        double confidence = Math.min(1.0, confidenceMass[slot] / letterCount[slot]);
        found.add(new DetectedLanguage(code, letterCount[slot] / total, confidence));
      }
    }
    found.sort(
        (a, b) ->
            a.share() != b.share()
                ? Double.compare(b.share(), a.share())
                : a.code().compareTo(b.code()));
    List<DetectedLanguage> reported = new ArrayList<>();
    for (DetectedLanguage language : found) {
      if (reported.isEmpty() || language.share() >= MIN_SHARE) {
        reported.add(language);
      }
    }
    return List.copyOf(reported);
  }

  /**
   * The language with the largest share of a text's letters.
   *
   * @return the code; empty when the text has no letters
   * @throws NullPointerException if {@code text} is null
   */
  public Optional<String> primary(String text) {
    List<DetectedLanguage> languages = detect(text);
    return languages.isEmpty() ? Optional.empty() : Optional.of(languages.get(0).code());
  }

  /** A verdict for some runs of one script: a model index ({@code -1} for 'und'). */
  private record Guess(int language, double confidence) {}

  private Guess guess(String text, List<ScriptRun> runs, Script script, Optional<String> hint) {
    int letterTotal = 0;
    int[] candidates = null;
    if (runs.size() == 1) {
      ScriptRun run = runs.get(0);
      candidates = letters.candidates(script, text, run.start(), run.end());
      letterTotal = run.letters();
    } else {
      // the rules judge the runs together: join them into one stretch
      StringBuilder joined = new StringBuilder();
      for (ScriptRun run : runs) {
        joined.append(text, run.start(), run.end()).append(' ');
        letterTotal += run.letters();
      }
      text = joined.toString();
      runs = List.of(new ScriptRun(script, 0, text.length(), letterTotal));
      candidates = letters.candidates(script, text, 0, text.length());
    }
    if (candidates.length == 0) {
      return new Guess(-1, 1.0);
    }
    if (letterTotal < SHORT_TEXT_LETTERS) {
      int hinted = hinted(hint, script);
      if (letters.hintMayOverride(candidates, hinted)) {
        return new Guess(hinted, HINT_CONFIDENCE);
      }
      for (int candidate : candidates) {
        if (candidate == hinted && candidates.length > 1) {
          return new Guess(hinted, HINT_CONFIDENCE);
        }
      }
    }
    if (candidates.length == 1) {
      return new Guess(candidates[0], 1.0);
    }
    double[] scores = new double[model.codes().size()];
    ScriptRun run = runs.get(0);
    model.score(text, run.start(), run.end(), candidates, scores);
    if (script == Script.LATIN) {
      letters.addLatinCues(text, run.start(), run.end(), scores);
    }
    int best = candidates[0];
    for (int candidate : candidates) {
      if (scores[candidate] > scores[best]) {
        best = candidate;
      }
    }
    double sum = 0;
    for (int candidate : candidates) {
      sum += Math.exp((scores[candidate] - scores[best]) * TEMPERATURE);
    }
    double confidence = 1.0 / sum;
    if (letterTotal < SHORT_TEXT_LETTERS) {
      confidence *= (double) letterTotal / SHORT_TEXT_LETTERS;
    }
    return new Guess(best, confidence);
  }

  /** The model index of the hinted language in this script, or -1. */
  private int hinted(Optional<String> hint, Script script) {
    if (hint.isEmpty()) {
      return -1;
    }
    String tag = hint.get().trim().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = tag.indexOf('-');
    String primary = dash < 0 ? tag : tag.substring(0, dash);
    String code =
        switch (primary) {
          case "prs", "per", "fas" -> "fa";
          case "ku", "kur" -> script == Script.LATIN ? "kmr" : "ckb";
          case "ar", "ara", "arz", "apc", "acm", "afb", "ayl", "ary", "arq", "aeb" ->
              script == Script.LATIN ? "ar-Latn" : primary.equals("ary") ? "ary" : "ar";
          case "ur", "urd" -> script == Script.LATIN ? "ur-Latn" : "ur";
          default -> primary;
        };
    int index = model.indexOf(code);
    return index >= 0 && model.script(index) == script ? index : -1;
  }

  /** Holder idiom: the shipped model is read once, on first use, thread-safely. */
  private static final class Shipped {
    static final LanguageDetector INSTANCE = load();

    private static LanguageDetector load() {
      try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "Language model resource '" + MODEL_RESOURCE + "' is missing from the classpath");
        }
        return of(in, MODEL_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read language model '" + MODEL_RESOURCE + "'", e);
      }
    }
  }
}

package org.crossingwatch.classifier.language;

/**
 * Script-level rules that come before the n-gram model: letters that only one language of a script
 * uses narrow the candidates, and a few Latin cues (Arabizi digits, tell-tale function words) add
 * evidence the model alone would need a long text for. Immutable and thread-safe.
 */
final class CharacteristicLetters {
  /** Pashto-only letters of the Arabic script. */
  static final String PASHTO = "ټډړږښګڼۍځڅې";

  /** Sorani-only letters. */
  static final String SORANI = "ڕڵۆێە";

  /** Urdu-only letters. */
  static final String URDU = "ٹڈڑںےۃ";

  /** Heh doachashmee, written by Urdu and Sorani only. */
  static final String HEH_DOACHASHMEE = "ھ";

  /** Letters Persian, Dari, Urdu, Pashto and Kurdish share and Arabic does not have. */
  static final String NON_ARABIC = "پچژگیک";

  /** Letters Arabic keyboards produce and Persian keyboards do not. */
  static final String ARABIC_ONLY = "ةىيك";

  static final String UKRAINIAN = "іїєґ";
  static final String RUSSIAN = "ыэъё";

  /** Tigrinya-only syllables: the ejective velar qʰ series ቐ to ቝ. */
  private static final char TIGRINYA_FIRST = '\u1250';

  private static final char TIGRINYA_LAST = '\u125D';

  /** Digits Arabizi writers use for Arabic sounds Latin lacks: ء ع خ ح ق ... */
  private static final String ARABIZI_DIGITS = "235679";

  /** Bonus in nats for each cue word or Arabizi word. */
  private static final double CUE_BONUS = 1.5;

  private static final double ARABIZI_WORD_BONUS = 4.0;

  private final LanguageModel model;
  private final int[][] byScript;
  private final int[] latin;
  private final int[] arabicOrMaghrebi;
  private final int[] persian;
  private final int[] urduOrSorani;
  private final int[] persianOrArabic;
  private final int[] cyrillic;
  private final int[] ethiopic;
  private final int arabizi;
  private final int romanUrdu;
  private final int vietnamese;
  private final int kurmanji;
  private final int turkish;
  private final java.util.Set<String> arabiziWords;
  private final java.util.Set<String> romanUrduWords;

  CharacteristicLetters(LanguageModel model) {
    this.model = model;
    this.byScript = new int[Script.values().length][];
    for (Script script : Script.values()) {
      byScript[script.ordinal()] = ofScript(model, script);
    }
    this.latin = ofScript(model, Script.LATIN);
    this.cyrillic = ofScript(model, Script.CYRILLIC);
    this.ethiopic = ofScript(model, Script.ETHIOPIC);
    this.arabicOrMaghrebi = indices(model, "ar", "ary");
    this.persian = indices(model, "fa");
    this.urduOrSorani = indices(model, "ur", "ckb");
    this.persianOrArabic = indices(model, "fa", "ar", "ary");
    this.arabizi = model.indexOf("ar-Latn");
    this.romanUrdu = model.indexOf("ur-Latn");
    this.vietnamese = model.indexOf("vi");
    this.kurmanji = model.indexOf("kmr");
    this.turkish = model.indexOf("tr");
    this.arabiziWords =
        java.util.Set.of(
            "bghit",
            "bghina",
            "kayn",
            "kayen",
            "kayna",
            "wach",
            "wesh",
            "chno",
            "chnou",
            "bzaf",
            "bezaf",
            "dyal",
            "dial",
            "diali",
            "rani",
            "rana",
            "rak",
            "ghadi",
            "mazal",
            "daba",
            "wallah",
            "wellah",
            "khoya",
            "khouya",
            "hadi",
            "hada",
            "lli",
            "nta",
            "nti",
            "enta",
            "inta",
            "ana",
            "inchallah",
            "inshallah",
            "habibi",
            "yalla",
            "3la",
            "m3a",
            "l7a9",
            "b7al",
            "7na",
            "l7erga",
            "7arga",
            "lbabour",
            "lflouka",
            "harraga",
            "hrag",
            "kifach",
            "kifash",
            "3lach",
            "fin",
            "mchit",
            "nmchi",
            "bach",
            "ila",
            "3andi",
            "3andek",
            "chwiya",
            "sahbi",
            "sa7bi",
            "ya3ni",
            "kolchi",
            "walou",
            "safi",
            "chi");
    this.romanUrduWords =
        java.util.Set.of(
            "hai", "hain", "ka", "ki", "ke", "mein", "aur", "nahi", "nahin", "kya", "hum", "aap",
            "ko", "tha", "thi", "raha", "rahe", "liye", "bhai", "yaar", "karo", "karna", "hoga",
            "chahiye", "wala", "wale", "sirf", "abhi", "kitna", "kitne", "paise", "jana", "apna",
            "apne", "mujhe", "tum", "bhi", "saath", "koi", "jaldi", "agar", "lekin", "kab");
  }

  /**
   * Whether a platform hint may name a language outside {@code candidates} for a short text: only
   * when the candidates rest on letters being absent (a short Persian word need not have گ or ی),
   * never when a tell-tale letter is present.
   */
  boolean hintMayOverride(int[] candidates, int hinted) {
    return candidates == arabicOrMaghrebi && hinted >= 0 && model.script(hinted) == Script.ARABIC;
  }

  /** The languages a stretch of one script can be in, after the letter rules. */
  int[] candidates(Script script, CharSequence text, int start, int end) {
    return switch (script) {
      case ARABIC -> arabic(text, start, end);
      case CYRILLIC -> cyrillicCandidates(text, start, end);
      case ETHIOPIC -> ethiopicCandidates(text, start, end);
      case LATIN -> latinCandidates(text, start, end);
      default -> byScript[script.ordinal()];
    };
  }

  private int[] arabic(CharSequence text, int start, int end) {
    int pashto = count(text, start, end, PASHTO);
    int sorani = count(text, start, end, SORANI);
    int urdu = count(text, start, end, URDU);
    int best = Math.max(pashto, Math.max(sorani, urdu));
    if (best > 0) {
      int[] winners = new int[3];
      int n = 0;
      if (pashto == best) {
        winners[n++] = model.indexOf("ps");
      }
      if (sorani == best) {
        winners[n++] = model.indexOf("ckb");
      }
      if (urdu == best) {
        winners[n++] = model.indexOf("ur");
      }
      return java.util.Arrays.copyOf(winners, n);
    }
    if (count(text, start, end, HEH_DOACHASHMEE) > 0) {
      // Urdu aspirates (کھ، بھ) and Sorani h both use ھ; Persian and Arabic keyboards type ه
      return urduOrSorani;
    }
    if (count(text, start, end, NON_ARABIC) > 0) {
      return count(text, start, end, ARABIC_ONLY) == 0 ? persian : persianOrArabic;
    }
    return arabicOrMaghrebi;
  }

  private int[] cyrillicCandidates(CharSequence text, int start, int end) {
    int ukrainian = count(text, start, end, UKRAINIAN);
    int russian = count(text, start, end, RUSSIAN);
    if (ukrainian > russian) {
      return new int[] {model.indexOf("uk")};
    }
    if (russian > ukrainian) {
      return new int[] {model.indexOf("ru")};
    }
    return cyrillic;
  }

  private int[] ethiopicCandidates(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= TIGRINYA_FIRST && c <= TIGRINYA_LAST) {
        return new int[] {model.indexOf("ti")};
      }
    }
    return ethiopic;
  }

  private int[] latinCandidates(CharSequence text, int start, int end) {
    int vietnameseLetters = 0;
    for (int i = start; i < end; i++) {
      char c = Character.toLowerCase(text.charAt(i));
      // Latin Extended Additional (ạ ả ấ ầ ế ệ ộ ợ ự ...) plus ơ ư đ ă are Vietnamese here
      if ((c >= '\u1EA0' && c <= '\u1EF9') || c == 'ơ' || c == 'ư' || c == 'đ' || c == 'ă') {
        vietnameseLetters++;
      }
    }
    return vietnameseLetters >= 2 ? new int[] {vietnamese} : latin;
  }

  /**
   * Adds cue evidence for Latin-script stretches to {@code scores}: Arabizi words (letters with
   * {@code 3 7 9 2 5}) and tell-tale function words of Arabizi and Roman Urdu, Kurmanji's ê and
   * Turkish dotless ı.
   */
  void addLatinCues(CharSequence text, int start, int end, double[] scores) {
    int i = start;
    while (i < end) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int wordEnd = i;
      int letters = 0;
      boolean arabiziDigit = false;
      while (wordEnd < end && Character.isLetterOrDigit(text.charAt(wordEnd))) {
        char c = text.charAt(wordEnd);
        if (Character.isLetter(c)) {
          letters++;
          if (c == 'ê' || c == 'Ê') {
            scores[kurmanji] += CUE_BONUS;
          } else if (c == 'ı') {
            scores[turkish] += CUE_BONUS;
          }
        } else if (ARABIZI_DIGITS.indexOf(c) >= 0) {
          arabiziDigit = true;
        }
        wordEnd++;
      }
      if (arabiziDigit && letters >= 2) {
        scores[arabizi] += ARABIZI_WORD_BONUS;
      }
      if (wordEnd - i <= 9) {
        String word = text.subSequence(i, wordEnd).toString().toLowerCase(java.util.Locale.ROOT);
        if (arabiziWords.contains(word)) {
          scores[arabizi] += CUE_BONUS;
        }
        if (romanUrduWords.contains(word)) {
          scores[romanUrdu] += CUE_BONUS;
        }
      }
      i = wordEnd;
    }
  }

  private static int count(CharSequence text, int start, int end, String letters) {
    int n = 0;
    for (int i = start; i < end; i++) {
      if (letters.indexOf(text.charAt(i)) >= 0) {
        n++;
      }
    }
    return n;
  }

  static int[] ofScript(LanguageModel model, Script script) {
    return java.util.stream.IntStream.range(0, model.codes().size())
        .filter(i -> model.script(i) == script)
        .toArray();
  }

  private static int[] indices(LanguageModel model, String... codes) {
    return java.util.Arrays.stream(codes).mapToInt(model::indexOf).filter(i -> i >= 0).toArray();
  }
}

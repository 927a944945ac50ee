package org.crossingwatch.classifier.entities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Currency words, signs and codes in the languages we watch, and amount multipliers ({@code k},
 * {@code ألف}, {@code هزار}, {@code million}, {@code lakh}, {@code crore}). Words are stored folded
 * (see {@link Fold}); the patterns accept every Arabic-script letter variant of a stored word.
 * Names shared by several currencies (dinar, lira, rial, dirham, pound, rupee, peso) resolve to the
 * first matching country among the post's candidate regions.
 */
final class CurrencyWords {
  /**
   * A currency as written: its ISO 4217 code (or an ambiguous family) and a factor to that unit.
   */
  record Unit(String code, BigDecimal factor, String writtenUnit) {}

  private static final Map<String, List<String>> FAMILY_REGIONS =
      Map.of(
          "DINAR", List.of("LY", "TN", "DZ", "IQ", "JO", "KW", "BH", "RS", "MK"),
          "LIRA", List.of("TR", "SY", "LB"),
          "RIYAL", List.of("SA", "IR", "YE", "OM", "QA"),
          "DIRHAM", List.of("MA", "AE"),
          "POUND", List.of("EG", "SD", "SS", "GB", "LB", "SY"),
          "RUPEE", List.of("PK", "IN", "NP", "LK"),
          "PESO", List.of("MX", "CO", "CU", "AR"));

  private static final Map<String, String> REGION_CURRENCY =
      Map.ofEntries(
          Map.entry("LY", "LYD"),
          Map.entry("TN", "TND"),
          Map.entry("DZ", "DZD"),
          Map.entry("IQ", "IQD"),
          Map.entry("JO", "JOD"),
          Map.entry("KW", "KWD"),
          Map.entry("BH", "BHD"),
          Map.entry("RS", "RSD"),
          Map.entry("MK", "MKD"),
          Map.entry("TR", "TRY"),
          Map.entry("SY", "SYP"),
          Map.entry("LB", "LBP"),
          Map.entry("SA", "SAR"),
          Map.entry("IR", "IRR"),
          Map.entry("YE", "YER"),
          Map.entry("OM", "OMR"),
          Map.entry("QA", "QAR"),
          Map.entry("MA", "MAD"),
          Map.entry("AE", "AED"),
          Map.entry("EG", "EGP"),
          Map.entry("SD", "SDG"),
          Map.entry("SS", "SSP"),
          Map.entry("GB", "GBP"),
          Map.entry("PK", "PKR"),
          Map.entry("IN", "INR"),
          Map.entry("NP", "NPR"),
          Map.entry("LK", "LKR"),
          Map.entry("MX", "MXN"),
          Map.entry("CO", "COP"),
          Map.entry("CU", "CUP"),
          Map.entry("AR", "ARS"));

  /** ISO codes matched case-sensitively, so {@code try} or {@code all} in prose are not prices. */
  static final List<String> CODES =
      List.of(
          "USD", "EUR", "GBP", "TRY", "IRR", "AFN", "LYD", "DZD", "MAD", "TND", "IQD", "PKR", "INR",
          "BDT", "EGP", "SYP", "LBP", "JOD", "SAR", "AED", "RUB", "UAH", "BYN", "PLN", "ALL", "XOF",
          "MXN", "USDT", "TL", "DT", "DH", "DA");

  private static final Map<String, Unit> WORDS = new HashMap<>();
  private static final Set<String> WRITTEN_WORDS = new HashSet<>();

  static {
    words(
        "USD",
        "currency_usd",
        "us$",
        "dollar",
        "dollars",
        "dolar",
        "dolares",
        "dólares",
        "dollari",
        "dollaro",
        "dolarów",
        "доллар",
        "доллара",
        "долларов",
        "долл",
        "دولار",
        "دولارات",
        "دولارا",
        "الدولار",
        "دلار",
        "ڈالر",
        "δολάρια",
        "δολάριο");
    words(
        "EUR",
        "currency_eur",
        "euro",
        "euros",
        "euri",
        "avro",
        "евро",
        "євро",
        "ευρώ",
        "يورو",
        "اليورو",
        "اورو",
        "یورو");
    words(
        "GBP",
        "currency_gbp",
        "pound sterling",
        "sterling",
        "جنيه استرليني",
        "پوند",
        "фунт",
        "фунтов");
    words(
        "TRY",
        "currency_try",
        "lira",
        "türk lirası",
        "turkish lira",
        "лир",
        "лиры",
        "ليرة تركية",
        "لیر");
    words("IRR", "rial", "rials");
    unit("IRR", "10", "toman", "toman", "tomans", "تومان", "تومن");
    words("AFN", "afghani", "afghanis", "افغانی", "افغانيه", "؋");
    words("LYD", "د.ل", "دينار ليبي", "libyan dinar");
    words("DZD", "د.ج", "دج", "dinar algérien", "dinars algériens", "دينار جزائري");
    unit("DZD", "0.01", "centime", "centimes", "سنتيم", "سانتيم");
    words("TND", "د.ت", "دت", "dinar tunisien", "dinars tunisiens", "دينار تونسي");
    words("IQD", "دينار عراقي", "iraqi dinar");
    words("PKR", "rs", "rs.", "rupees", "rupee", "روپے", "روپیہ", "روپیے", "روپئے");
    words("INR", "₹");
    words("BDT", "taka", "টাকা", "৳");
    words("EGP", "جنيه مصري", "ج.م");
    words("SYP", "ليرة سورية");
    words("RUB", "руб", "рублей", "рубля", "рубль", "₽", "rubles", "roubles");
    words("UAH", "грн", "гривень", "гривні", "гривня", "₴");
    words("PLN", "zł", "złoty", "zlotys");
    words("ALL", "lek", "lekë", "leke");
    words("XOF", "cfa", "fcfa", "francs cfa");
    words("USDT", "usdt", "tether");
    words("DINAR", "dinar", "dinars", "دينار", "دنانير", "الدينار", "динар", "динаров");
    words("LIRA", "ليرة", "ليره", "lire");
    words("RIYAL", "ريال", "ریال", "riyal", "riyals"); // also ﷼ after NFKC
    words("DIRHAM", "dirham", "dirhams", "dh", "dhs", "درهم", "دراهم");
    words("POUND", "pound", "pounds", "جنيه", "جنيهات");
    words("RUPEE", "rupiya");
    words("PESO", "peso", "pesos");
  }

  private static final Map<String, BigDecimal> MULTIPLIERS = new HashMap<>();
  private static final Set<String> WRITTEN_MULTIPLIERS = new HashSet<>();

  static {
    multiplier(
        "1000",
        "k",
        "ألف",
        "آلاف",
        "الف",
        "الاف",
        "هزار",
        "thousand",
        "mille",
        "mil",
        "bin",
        "тыс",
        "тысяч",
        "тис",
        "тисяч");
    multiplier(
        "1000000",
        "m",
        "million",
        "millions",
        "mio",
        "mln",
        "مليون",
        "ملايين",
        "ميليون",
        "میلیون",
        "млн",
        "миллион",
        "миллиона",
        "миллионов",
        "мільйон",
        "мільйона",
        "мільйонів",
        "milioni",
        "milione",
        "millones",
        "millón",
        "millon",
        "milyon");
    multiplier("100000", "lakh", "lakhs", "lac", "lacs", "لاکھ", "لاکه");
    multiplier("10000000", "crore", "crores", "کروڑ");
    multiplier("1000000000", "milliard", "billion", "milyar", "مليار", "млрд");
  }

  private CurrencyWords() {}

  private static void words(String code, String... words) {
    for (String word : words) {
      WORDS.put(Fold.fold(word), new Unit(code, BigDecimal.ONE, null));
      WRITTEN_WORDS.add(word);
    }
  }

  private static void unit(String code, String factor, String name, String... words) {
    for (String word : words) {
      WORDS.put(Fold.fold(word), new Unit(code, new BigDecimal(factor), name));
      WRITTEN_WORDS.add(word);
    }
  }

  private static void multiplier(String factor, String... words) {
    for (String word : words) {
      MULTIPLIERS.put(Fold.fold(word), new BigDecimal(factor));
      WRITTEN_MULTIPLIERS.add(word);
    }
  }

  /** Regex alternation (no groups) matching every currency word, in any Arabic letter variant. */
  static String wordAlternation() {
    return alternation(WRITTEN_WORDS);
  }

  /** Regex alternation (no groups) that matches every multiplier word in any letter variant. */
  static String multiplierAlternation() {
    return alternation(WRITTEN_MULTIPLIERS);
  }

  /** The unit of a matched currency word or code; codes are their own unit. */
  static Unit unit(String written) {
    if (CODES.contains(written)) {
      return new Unit(
          switch (written) {
            case "TL" -> "TRY";
            case "DT" -> "TND";
            case "DH" -> "MAD";
            case "DA" -> "DZD";
            default -> written;
          },
          BigDecimal.ONE,
          null);
    }
    Unit unit = WORDS.get(Fold.fold(written).replaceAll("\\s+", " "));
    if (unit == null) {
      throw new IllegalArgumentException("not a currency word: '" + written + "'");
    }
    return unit;
  }

  /** The factor of a matched multiplier word, or one if {@code written} is null. */
  static BigDecimal multiplier(String written) {
    return written == null ? BigDecimal.ONE : MULTIPLIERS.get(Fold.fold(written));
  }

  /** The ISO code for {@code code}, resolving a currency family by the candidate regions. */
  static String resolve(String code, List<String> regions) {
    List<String> family = FAMILY_REGIONS.get(code);
    if (family == null) {
      return code;
    }
    for (String region : regions) {
      if (family.contains(region)) {
        return REGION_CURRENCY.get(region);
      }
    }
    return REGION_CURRENCY.get(family.get(0));
  }

  private static String alternation(Set<String> written) {
    List<String> sorted = new ArrayList<>(written);
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    return sorted.stream().map(CurrencyWords::variantPattern).collect(Collectors.joining("|"));
  }

  /** A pattern for a word as written that also accepts the Arabic letters folding merges. */
  private static String variantPattern(String word) {
    StringBuilder out = new StringBuilder();
    for (char c : word.toCharArray()) {
      out.append(
          switch (Fold.fold(String.valueOf(c))) {
            case "ي" -> "[يیىےئ]";
            case "ك" -> "[كک]";
            case "ه" -> "[هةەۀھ]";
            case "ا" -> "[اأإآٱ]";
            case " " -> "[\\s\\u00A0]+";
            default -> Pattern.quote(String.valueOf(c));
          });
    }
    return out.toString();
  }
}

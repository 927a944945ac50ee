package org.crossingwatch.classifier.entities;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.normalize.NormalizedText;

/**
 * Guesses, in order of likelihood, which countries a post's local phone numbers and ambiguous
 * currencies (dinar, lira, rial) belong to: flags in the text first, then the countries of
 * departure places named in it, then the usual countries of its languages, then the countries of
 * the other places it names.
 */
final class RegionGuesser {
  private static final Pattern FLAG = Pattern.compile("flag_([a-z]{2})");

  /** Where speakers of each language mostly are, most likely first, for the routes we watch. */
  private static final Map<String, List<String>> LANGUAGE_REGIONS =
      Map.ofEntries(
          Map.entry("ar", List.of("LY", "TN", "DZ", "MA", "EG", "SD", "IQ", "SY", "LB", "JO")),
          Map.entry("arz", List.of("EG")),
          Map.entry("fa", List.of("IR", "AF")),
          Map.entry("prs", List.of("AF", "IR")),
          Map.entry("ps", List.of("AF", "PK")),
          Map.entry("ur", List.of("PK")),
          Map.entry("bn", List.of("BD")),
          Map.entry("ku", List.of("IQ", "TR", "IR", "SY")),
          Map.entry("ckb", List.of("IQ", "IR")),
          Map.entry("tr", List.of("TR")),
          Map.entry("fr", List.of("FR", "BE", "DZ", "MA", "TN", "SN", "CI")),
          Map.entry("en", List.of("GB", "NG", "GH", "US")),
          Map.entry("it", List.of("IT")),
          Map.entry("es", List.of("ES", "MX", "CO")),
          Map.entry("pt", List.of("PT", "BR")),
          Map.entry("de", List.of("DE", "AT")),
          Map.entry("nl", List.of("NL", "BE")),
          Map.entry("el", List.of("GR", "CY")),
          Map.entry("sq", List.of("AL", "XK")),
          Map.entry("sr", List.of("RS", "BA")),
          Map.entry("bs", List.of("BA")),
          Map.entry("hr", List.of("HR", "BA")),
          Map.entry("mk", List.of("MK")),
          Map.entry("ru", List.of("RU", "BY", "UA", "KZ")),
          Map.entry("uk", List.of("UA")),
          Map.entry("be", List.of("BY")),
          Map.entry("pl", List.of("PL")),
          Map.entry("ti", List.of("ER", "ET")),
          Map.entry("am", List.of("ET")),
          Map.entry("so", List.of("SO")),
          Map.entry("ha", List.of("NG", "NE")),
          Map.entry("wo", List.of("SN")),
          Map.entry("vi", List.of("VN")),
          Map.entry("zh", List.of("CN")));

  /** Tried when nothing in the post hints at a country: the main departure and transit states. */
  static final List<String> FALLBACK =
      List.of("LY", "TN", "DZ", "MA", "EG", "TR", "IR", "AF", "PK", "GB", "FR", "IT", "DE");

  private RegionGuesser() {}

  /**
   * Candidate regions (ISO 3166 alpha-2, upper case), most likely first, never empty.
   *
   * @param text the normalised post, whose {@code flag_xx} tokens count
   * @param languageHints language codes such as {@code ar} or {@code fa-AF}; unknown ones ignored
   * @param places the PLACE entities found in the post
   */
  static List<String> regions(
      NormalizedText text, List<String> languageHints, List<Entity> places) {
    Set<String> regions = new LinkedHashSet<>();
    Matcher flag = FLAG.matcher(text.text());
    while (flag.find()) {
      regions.add(flag.group(1).toUpperCase(Locale.ROOT));
    }
    for (Entity place : places) {
      if (place.attributes().getOrDefault("role", "").contains("departure")) {
        regions.add(place.attributes().get("country"));
      }
    }
    for (String hint : languageHints) {
      String[] parts = hint.toLowerCase(Locale.ROOT).split("[-_]");
      if (parts.length > 1 && parts[1].matches("[a-z]{2}")) {
        regions.add(parts[1].toUpperCase(Locale.ROOT));
      }
      regions.addAll(LANGUAGE_REGIONS.getOrDefault(parts[0], List.of()));
    }
    for (Entity place : places) {
      regions.add(place.attributes().get("country"));
    }
    if (regions.isEmpty()) {
      regions.addAll(FALLBACK);
    }
    return List.copyOf(regions);
  }
}

package org.crossingwatch.stream.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crossingwatch.classifier.language.LanguageDetector;
import org.crossingwatch.classifier.rules.Category;
import org.crossingwatch.model.Verdict;

/**
 * The label values of the detection metrics, each from a small fixed set so that a post can never
 * add a series: whatever falls outside the set is {@value #OTHER}. Stateless.
 */
final class DetectionLabels {
  static final String OTHER = "other";
  static final String UNDETERMINED = "und";
  static final String NO_CATEGORY = "none";

  /** Platforms the collectors and the shipped samples produce. */
  static final List<String> PLATFORMS =
      List.of(
          "telegram",
          "facebook",
          "instagram",
          "tiktok",
          "x",
          "whatsapp",
          "vk",
          "reddit",
          "mastodon",
          "feed",
          "rss",
          "web",
          "jsonl");

  private static final Set<String> PLATFORM_SET = Set.copyOf(PLATFORMS);

  private DetectionLabels() {}

  /** The platform, lower-cased, or {@value #OTHER} when it is not one of {@link #PLATFORMS}. */
  static String platform(String platform) {
    String lower = platform.toLowerCase(Locale.ROOT);
    return PLATFORM_SET.contains(lower) ? lower : OTHER;
  }

  /**
   * The verdict's main language if the shipped language detector knows it, {@value #OTHER} if not
   * (a platform's language hint can be any tag), {@value #UNDETERMINED} when no language was found.
   */
  static String language(Verdict verdict) {
    if (verdict.languages().isEmpty()) {
      return UNDETERMINED;
    }
    String main = verdict.languages().get(0);
    return Supported.LANGUAGES.contains(main) ? main : OTHER;
  }

  /**
   * The rule category with the largest positive contribution to the score; without contributions (a
   * classifier that gives none), the first matched rule's category; {@value #NO_CATEGORY} when no
   * rule matched; {@value #OTHER} for a category outside {@link Category}.
   */
  static String category(Verdict verdict) {
    String top =
        verdict.contributions().entrySet().stream()
            .filter(e -> e.getValue() > 0 && Category.byId(e.getKey()).isPresent())
            .max(Map.Entry.<String, Double>comparingByValue().thenComparing(byNameDescending()))
            .map(Map.Entry::getKey)
            .orElse(verdict.categories().isEmpty() ? NO_CATEGORY : verdict.categories().get(0));
    return top.equals(NO_CATEGORY) || Category.byId(top).isPresent() ? top : OTHER;
  }

  /** Of two equal contributions, the name first in alphabetical order wins, for a stable label. */
  private static Comparator<Map.Entry<String, Double>> byNameDescending() {
    return Map.Entry.<String, Double>comparingByKey().reversed();
  }

  /** Loaded on first use: the detector's model is read once per JVM. */
  private static final class Supported {
    static final Set<String> LANGUAGES = Set.copyOf(LanguageDetector.shipped().languages());
  }
}

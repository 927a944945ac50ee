package org.crossingwatch.bench.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.crossingwatch.classifier.analysis.PostFields;
import org.crossingwatch.classifier.evaluation.LabelledCorpus;
import org.crossingwatch.classifier.evaluation.LabelledPost;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.Rule;

/**
 * The benchmarks' inputs: the labelled corpus under {@code data/corpus} as posts, the shipped rule
 * packs, and generated rules spread over the languages, written from each language's own words in
 * the corpus so that they hit. Reads from the project folder given by the system property {@code
 * crossingwatch.home} (default: the working directory).
 */
final class BenchCorpus {
  private BenchCorpus() {}

  static Path home() {
    return Path.of(System.getProperty("crossingwatch.home", "."));
  }

  /** Every post of the train and dev splits, in file order. */
  static List<LabelledPost> posts() {
    List<LabelledPost> posts = new ArrayList<>();
    for (String split : List.of("train.jsonl", "dev.jsonl")) {
      Path file = home().resolve("data/corpus").resolve(split);
      try {
        posts.addAll(LabelledCorpus.read(file).posts());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read corpus file '" + file + "'", e);
      }
    }
    if (posts.isEmpty()) {
      throw new IllegalStateException("No posts under '" + home().resolve("data/corpus") + "'");
    }
    return List.copyOf(posts);
  }

  /**
   * The shipped rules when {@code count} is {@code shipped}, else that many generated ones.
   *
   * @throws IllegalArgumentException if {@code count} is neither
   */
  static List<Rule> rules(String count, List<LabelledPost> posts) {
    if (count.equals("shipped")) {
      try {
        return RulePackLoader.load(home().resolve("rules"));
      } catch (Exception e) {
        throw new IllegalStateException("Cannot load the shipped rules: " + e.getMessage(), e);
      }
    }
    return generated(Integer.parseInt(count), posts);
  }

  /**
   * {@code count} rules, round-robin over the corpus languages, each {@code a AND (b OR c)} or the
   * phrase {@code "a b"} of words of one post of its language; fixed seed.
   */
  static List<Rule> generated(int count, List<LabelledPost> posts) {
    Map<String, List<List<String>>> wordsByLanguage = new LinkedHashMap<>();
    for (LabelledPost post : posts) {
      Optional<String> language = post.lang().map(BenchCorpus::ruleLanguage);
      if (language.isEmpty() || language.get().equals(PostFields.ANY)) {
        continue;
      }
      List<String> words = new ArrayList<>();
      for (String word : post.text().split("[\\s\\p{Punct}«»،؛؟]+")) {
        if (word.codePointCount(0, word.length()) >= 4
            && word.chars().allMatch(Character::isLetter)) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
      if (words.size() >= 3) {
        wordsByLanguage.computeIfAbsent(language.get(), l -> new ArrayList<>()).add(words);
      }
    }
    List<String> languages = List.copyOf(wordsByLanguage.keySet());
    Random random = new Random(42);
    List<Rule> rules = new ArrayList<>(count);
    Set<String> queries = new LinkedHashSet<>();
    for (int i = 0; rules.size() < count; i++) {
      String language = languages.get(i % languages.size());
      List<List<String>> texts = wordsByLanguage.get(language);
      List<String> words = texts.get(random.nextInt(texts.size()));
      int at = random.nextInt(words.size() - 2);
      String query =
          random.nextBoolean()
              ? "\"" + words.get(at) + " " + words.get(at + 1) + "\""
              : words.get(at) + " AND (" + words.get(at + 1) + " OR " + words.get(at + 2) + ")";
      if (queries.add(language + query) || i > count * 20) {
        rules.add(
            new Rule(
                0,
                "gen." + language + "." + rules.size(),
                language,
                "crossing_offer",
                query,
                1.0,
                Optional.empty(),
                List.of(),
                List.of()));
      }
    }
    return List.copyOf(rules);
  }

  private static String ruleLanguage(String corpusLanguage) {
    return switch (corpusLanguage) {
      case "prs" -> "fa";
      default -> PostFields.ruleLanguageOf(corpusLanguage).orElse(PostFields.ANY);
    };
  }
}

package org.crossingwatch.classifier.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.rules.Category;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.Rule;
import org.junit.jupiter.api.Test;

/** The shipped rule packs load cleanly and every rule keeps the promises of its examples. */
class ShippedRulesTest {

  @Test
  void everyShippedRuleMatchesItsMatchExamplesAndNoneOfItsNoMatchExamples() throws Exception {
    try (Classifier classifier = Classifier.fromRuleDirectory(ProjectFiles.rules())) {
      assertThat(classifier.skippedRules()).isEmpty();
      assertThat(classifier.exampleFailures()).isEmpty();
    }
  }

  @Test
  void everyShippedRuleHasExamplesOfBothKinds() throws Exception {
    List<Rule> rules = RulePackLoader.load(ProjectFiles.rules());

    assertThat(rules)
        .filteredOn(rule -> rule.shouldMatch().isEmpty() || rule.shouldNotMatch().isEmpty())
        .extracting(Rule::id)
        .isEmpty();
  }

  @Test
  void shippedPacksCoverEveryCategoryAndTheTargetLanguages() throws Exception {
    List<Rule> rules = RulePackLoader.load(ProjectFiles.rules());

    Set<String> categories = rules.stream().map(Rule::category).collect(Collectors.toSet());
    Set<String> languages = rules.stream().map(Rule::language).collect(Collectors.toSet());
    assertThat(categories)
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(Category.values()).map(Category::id).toArray(String[]::new));
    assertThat(languages)
        .containsExactlyInAnyOrder(
            "any", "am", "ar", "ary", "bn", "ckb", "de", "el", "en", "es", "fa", "fr", "it", "kmr",
            "pl", "ps", "ru", "sq", "ti", "tr", "uk", "ur", "vi");
    assertThat(rules)
        .filteredOn(rule -> Category.byId(rule.category()).orElseThrow().negativeContext())
        .allSatisfy(rule -> assertThat(rule.weight()).as(rule.id()).isNegative());
  }
}

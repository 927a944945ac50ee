package org.crossingwatch.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.TestRules.offer;

import java.util.List;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.RuleHit;
import org.junit.jupiter.api.Test;

/** Rules are checked only against posts in their language, and mixed posts reach every language. */
class LanguageRoutingTest {
  private static final String ENGLISH =
      "Boat to Italy tonight, seats left, pay on arrival when you reach the coast";
  private static final String ARABIC_AND_ENGLISH =
      "قارب من زوارة إلى إيطاليا الليلة، الدفع عند الوصول. " + ENGLISH;

  private static final List<Rule> RULES =
      List.of(
          offer("en.boat", "en", "boat"),
          offer("fr.boat", "fr", "boat OR bateau"),
          offer("ar.boat", "ar", "قارب"),
          offer("fa.boat", "fa", "قارب OR قایق"),
          offer("any.arrival", "any", "\"pay on arrival\" OR \"الدفع عند الوصول\""));

  private static final ClassifierSettings ROUTED =
      ClassifierSettings.defaults().withRouting(LanguageRouting.DETECTED_LANGUAGES);

  @Test
  void englishPostSkipsTheFrenchRuleThatWouldMatchItsWords() throws Exception {
    try (Classifier classifier = Classifier.fromRules(RULES, ROUTED)) {
      assertThat(classifier.matchingRuleIds(ENGLISH)).containsExactly("any.arrival", "en.boat");
    }
  }

  @Test
  void withoutRoutingTheFrenchRuleMatchesTheEnglishPostInFrenchAnalysis() throws Exception {
    try (Classifier classifier = Classifier.fromRules(RULES)) {
      assertThat(classifier.settings().routing()).isEqualTo(LanguageRouting.ALL_LANGUAGES);
      assertThat(classifier.matchingRuleIds(ENGLISH))
          .containsExactly("any.arrival", "en.boat", "fr.boat");
    }
  }

  @Test
  void mixedArabicAndEnglishPostMatchesTheRulesOfBothAndNoOther() throws Exception {
    try (Classifier classifier = Classifier.fromRules(RULES, ROUTED)) {
      assertThat(classifier.classify(ClassifierTest.post(ARABIC_AND_ENGLISH)).hits())
          .extracting(RuleHit::ruleId)
          .containsExactly("en.boat", "ar.boat", "any.arrival");
    }
  }

  @Test
  void symbolTokensAndNumbersOfALanguageRuleMatchInTheNeutralField() throws Exception {
    List<Rule> rules = List.of(offer("en.price", "en", "emoji_boat AND 3000"));
    try (Classifier classifier = Classifier.fromRules(rules, ROUTED)) {
      assertThat(classifier.matchingRuleIds("🚤 boat to Italy, 3000 per person, pay on arrival"))
          .containsExactly("en.price");
    }
  }
}

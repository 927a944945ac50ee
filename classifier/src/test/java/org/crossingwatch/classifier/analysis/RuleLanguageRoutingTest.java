package org.crossingwatch.classifier.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crossingwatch.classifier.language.DetectedLanguage;
import org.junit.jupiter.api.Test;

class RuleLanguageRoutingTest {

  @Test
  void confidentlyDetectedLanguagesAreRoutedAlone() {
    assertThat(
            PostFields.ruleLanguagesOf(
                List.of(
                    new DetectedLanguage("en", 0.6, 1.0), new DetectedLanguage("ar", 0.4, 0.95))))
        .containsExactly("ar", "en");
  }

  @Test
  void anUnsureLanguageBringsEveryRuleLanguageOfItsScript() {
    assertThat(PostFields.ruleLanguagesOf(List.of(new DetectedLanguage("uk", 1.0, 0.55))))
        .containsExactly("ru", "uk");
    assertThat(PostFields.ruleLanguagesOf(List.of(new DetectedLanguage("fa", 1.0, 0.5))))
        .containsExactly("ar", "ary", "ckb", "fa", "ps", "ur");
  }

  @Test
  void arabiziAndRomanUrduAreRoutedToTheirRulesAndTheEuropeanLanguagesTheyMix() {
    assertThat(PostFields.ruleLanguagesOf(List.of(new DetectedLanguage("ar-Latn", 1.0, 0.95))))
        .containsExactly("ar", "en", "fr");
    assertThat(PostFields.ruleLanguagesOf(List.of(new DetectedLanguage("ur-Latn", 1.0, 0.5))))
        .containsExactly("ar", "de", "en", "es", "fr", "it", "kmr", "pl", "sq", "tr", "ur", "vi");
  }

  @Test
  void languagesWithoutAFieldAreNotRouted() {
    assertThat(PostFields.ruleLanguagesOf(List.of(new DetectedLanguage("und", 1.0, 0.0))))
        .isEmpty();
    assertThat(PostFields.ruleLanguagesOf(List.of())).isEmpty();
  }
}

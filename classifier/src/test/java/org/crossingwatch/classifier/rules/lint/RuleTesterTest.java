package org.crossingwatch.classifier.rules.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.junit.jupiter.api.Test;

class RuleTesterTest {
  @Test
  void failingExamplesAreListedWithTheirAnalysedTokensAndPassingOnesAreNot() throws Exception {
    var rules =
        RulePackLoader.parse(
            "rules/test.yaml",
            """
            language: fr
            rules:
              - id: fr.crossing.passage
                category: crossing_offer
                weight: 2
                query: '"passage en angleterre"'
                examples:
                  match: ["Passage en Angleterre", "Passage vers l'Angleterre"]
                  no_match: ["Passage en Angleterre annulé"]
              - id: ar.crossing.boat
                language: ar
                category: crossing_offer
                weight: 2
                query: 'تهريب*'
                examples:
                  match: ["التهريب إلى إيطاليا"]
            """);

    assertThat(RuleTester.test(rules).stream().map(Object::toString))
        .containsExactly(
            "rule fr.crossing.passage should match 'Passage vers l'Angleterre'; tokens [pasag, ver,"
                + " angleter]; query \"passage en angleterre\"",
            "rule fr.crossing.passage should not match 'Passage en Angleterre annulé'; tokens"
                + " [pasag, en, angleter, anul]; query \"passage en angleterre\"");
  }

  @Test
  void examplesThatHoldGiveNoFailures() throws Exception {
    var rules =
        RulePackLoader.parse(
            "rules/ru.yaml",
            """
            language: ru
            rules:
              - id: ru.documents.passport
                category: documents
                weight: 1.5
                query: паспорт AND купить
                examples:
                  match: ["Купить ПАСПОРТ быстро"]
                  no_match: ["Паспорт потерян"]
            """);

    assertThat(RuleTester.test(rules)).isEqualTo(List.of());
  }
}

package org.crossingwatch.classifier.rules.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.rules.RuleProblem;
import org.junit.jupiter.api.Test;

class RuleLinterTest {
  private static List<String> lint(String yaml) {
    return RuleLinter.lint(Map.of("rules/test.yaml", yaml)).stream()
        .map(RuleProblem::toString)
        .toList();
  }

  @Test
  void cleanPackInThreeScriptsHasNoFindings() {
    assertThat(
            lint(
                """
                language: any
                rules:
                  - id: fr.crossing.passage
                    language: fr
                    category: crossing_offer
                    weight: 2
                    query: '"passage en angleterre"'
                  - id: ar.crossing.boat
                    language: ar
                    category: crossing_offer
                    weight: 2
                    query: 'تهريب* OR "رحلة بحرية"'
                  - id: ru.documents.passport
                    language: ru
                    category: documents
                    weight: 1.5
                    query: паспорт AND (поддельный OR купить)
                """))
        .isEmpty();
  }

  @Test
  void yamlSyntaxErrorIsReportedAtItsLineAndColumn() {
    assertThat(
            lint(
                """
                language: es
                rules:
                  - id: es.crossing.boat
                    category: crossing_offer
                    weight: 2
                    query: [lancha
                """))
        .containsExactly(
            "rules/test.yaml:7:1: YAML does not parse: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence)");
  }

  @Test
  void querySyntaxErrorIsReportedAtTheBadCharacter() {
    assertThat(
            lint(
                """
                language: es
                rules:
                  - id: es.crossing.boat
                    category: crossing_offer
                    weight: 2
                    query: 'lancha AND (italia'
                """))
        .containsExactly(
            "rules/test.yaml:6:31: rule es.crossing.boat: query does not parse: unexpected end of query");
  }

  @Test
  void unknownFieldIsReportedWhereItIsWritten() {
    assertThat(
            lint(
                """
                language: es
                rules:
                  - id: es.crossing.boat
                    category: crossing_offer
                    wieght: 2
                    weight: 2
                    query: lancha
                """))
        .containsExactly(
            "rules/test.yaml:5:5: rule es.crossing.boat: unknown field 'wieght' (expected one of id,"
                + " category, weight, description, language, query, examples)");
  }

  @Test
  void duplicateIdAcrossFilesIsReportedAtTheSecondDefinition() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "rules/es.yaml",
        """
        language: es
        rules:
          - id: shared.boat
            category: crossing_offer
            weight: 2
            query: lancha
        """);
    sources.put(
        "rules/it.yaml",
        """
        language: it
        rules:
          - id: shared.boat
            category: crossing_offer
            weight: 2
            query: gommone
        """);
    assertThat(RuleLinter.lint(sources).stream().map(RuleProblem::toString))
        .containsExactly(
            "rules/it.yaml:3:9: rule shared.boat: duplicate id, first defined at rules/es.yaml:3:9");
  }

  @Test
  void unknownCategoryAndWeightOutOfRangeAreReportedAtTheirValues() {
    assertThat(
            lint(
                """
                language: es
                rules:
                  - id: es.crossing.boat
                    category: smuggling
                    weight: 2
                    query: lancha
                  - id: es.price.euros
                    category: price
                    weight: 7.5
                    query: euros
                """))
        .containsExactly(
            "rules/test.yaml:4:15: rule es.crossing.boat: unknown category 'smuggling' (expected one of "
                + "crossing_offer, documents, price, contact, pay_on_arrival, route, guarantee, news, law_enforcement, ngo_warning, legit_travel, legit_job, legit_trade, personal)",
            "rules/test.yaml:9:13: rule es.price.euros: weight 7.5 is out of range [-5, 5]");
  }

  @Test
  void termTheAnalysisRemovesIsReportedAtItsColumn() {
    assertThat(
            lint(
                """
                language: es
                rules:
                  - id: es.crossing.boat
                    category: crossing_offer
                    weight: 2
                    query: 'lancha AND ¿¿'
                  - id: ar.crossing.boat
                    language: ar
                    category: crossing_offer
                    weight: 2
                    query: >-
                      "رحلة بحرية" OR
                      "• •"
                """))
        .containsExactly(
            "rules/test.yaml:6:24: rule es.crossing.boat: '¿¿' is removed by the analysis (language es)"
                + " and can never match; write a word, an emoji token or a /regexp/ instead",
            "rules/test.yaml:13:8: rule ar.crossing.boat: '• •' is removed by the analysis (language ar)"
                + " and can never match; write a word, an emoji token or a /regexp/ instead");
  }
}

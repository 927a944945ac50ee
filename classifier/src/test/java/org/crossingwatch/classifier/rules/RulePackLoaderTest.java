package org.crossingwatch.classifier.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.model.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTest {

  private static final String FRENCH =
      """
      language: fr
      rules:
        - id: fr.crossing.passage
          category: crossing_offer
          weight: 2.5
          description: Passage vers l'Angleterre
          query: '(passage OR traversée) AND angleterre'
          examples:
            match: ["Passage en Angleterre"]
            no_match: ["Le passage du Tour"]
        - id: fr.contact.whatsapp
          language: any
          category: contact
          weight: 1
          query: whatsapp
      """;

  @Test
  void readsEveryFieldIntoRuleRecords() throws Exception {
    List<Rule> rules = RulePackLoader.parse("rules/fr.yaml", FRENCH);

    assertThat(rules)
        .containsExactly(
            new Rule(
                0,
                "fr.crossing.passage",
                "fr",
                "crossing_offer",
                "(passage OR traversée) AND angleterre",
                2.5,
                Optional.of("Passage vers l'Angleterre"),
                List.of("Passage en Angleterre"),
                List.of("Le passage du Tour")),
            new Rule(
                0,
                "fr.contact.whatsapp",
                "any",
                "contact",
                "whatsapp",
                1.0,
                Optional.empty(),
                List.of(),
                List.of()));
  }

  @Test
  void reportsYamlSyntaxErrorsWithFileLineAndColumn() {
    String yaml = "language: fr\nrules:\n  - id: fr.a\n   category: price\n";

    RuleLoadException e = loadFailure("rules/fr.yaml", yaml);

    assertThat(e.getMessage())
        .isEqualTo(
            "rules/fr.yaml:4:4: YAML does not parse: expected <block end>, but found"
                + " '<block mapping start>' (while parsing a block collection)");
  }

  @Test
  void reportsUnknownFieldsWithTheRuleId() {
    String yaml =
        """
        language: en
        rules:
          - id: en.price
            category: price
            weight: 1
            qeury: euro
        """;

    RuleLoadException e = loadFailure("rules/en.yaml", yaml);

    assertThat(e.getMessage())
        .isEqualTo(
            "rules/en.yaml:3:5: rule en.price: missing required field 'query'\n"
                + "rules/en.yaml:6:5: rule en.price: unknown field 'qeury' (expected one of id,"
                + " category, weight, description, language, query, examples)");
  }

  @Test
  void reportsDuplicateIdsAcrossFiles() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "rules/ar.yaml",
        "language: ar\nrules:\n  - {id: x.1, category: price, weight: 1, query: دولار}\n");
    sources.put(
        "rules/en.yaml",
        "language: en\nrules:\n  - id: x.1\n    category: price\n    weight: 1\n    query: dollar\n");

    RuleLoadException e =
        catchThrowableOfType(RuleLoadException.class, () -> RulePackLoader.parse(sources));

    assertThat(e.getMessage())
        .isEqualTo(
            "rules/en.yaml:3:9: rule x.1: duplicate id, first defined at rules/ar.yaml:3:10");
  }

  @Test
  void reportsWeightsOutOfRange() {
    String yaml =
        "language: en\nrules:\n  - id: en.big\n    category: price\n    weight: 7.5\n    query: euro\n";

    RuleLoadException e = loadFailure("rules/en.yaml", yaml);

    assertThat(e.getMessage())
        .isEqualTo("rules/en.yaml:5:13: rule en.big: weight 7.5 is out of range [-5, 5]");
  }

  @Test
  void reportsQuerySyntaxErrorsAtTheirPositionInTheFile() {
    String yaml =
        """
        language: fr
        rules:
          - id: fr.crossing.passage
            category: crossing_offer
            weight: 2
            query: 'passage AND (bateau OR'
        """;

    RuleLoadException e = loadFailure("rules/fr.yaml", yaml);

    assertThat(e.getMessage())
        .isEqualTo(
            "rules/fr.yaml:6:35: rule fr.crossing.passage: query does not parse: unexpected end"
                + " of query");
  }

  @Test
  void reportsQuerySyntaxErrorsInsideBlockScalars() {
    String yaml =
        """
        language: ru
        rules:
          - id: ru.crossing
            category: crossing_offer
            weight: 2
            query: |
              переправа OR
              (граница ) AND)
        """;

    RuleLoadException e = loadFailure("rules/ru.yaml", yaml);

    assertThat(e.getMessage())
        .isEqualTo("rules/ru.yaml:8:21: rule ru.crossing: query does not parse: unexpected ')'");
  }

  @Test
  void listsEveryProblemOfEveryRuleAtOnce() {
    String yaml =
        """
        language: tr
        colour: red
        rules:
          - id: tr.a
            category: crossing
            weight: 9
            query: kaçak
          - id: tr.b
            category: price
            weight: high
            query: '"lira'
          - category: route
            weight: 1
            query: yunanistan
        """;

    RuleLoadException e = loadFailure("rules/tr.yaml", yaml);

    assertThat(e.problems())
        .extracting(RuleProblem::toString)
        .containsExactly(
            "rules/tr.yaml:2:1: unknown field 'colour' (expected one of language, rules)",
            "rules/tr.yaml:5:15: rule tr.a: unknown category 'crossing' (expected one of"
                + " crossing_offer, documents, price, contact, pay_on_arrival, route, guarantee,"
                + " news, law_enforcement, ngo_warning, legit_travel, legit_job, legit_trade, personal)",
            "rules/tr.yaml:6:13: rule tr.a: weight 9 is out of range [-5, 5]",
            "rules/tr.yaml:10:13: rule tr.b: weight 'high' is not a number",
            "rules/tr.yaml:11:18: rule tr.b: query does not parse: unexpected end of query"
                + " (unclosed quote or regexp?)",
            "rules/tr.yaml:12:5: missing required field 'id'");
    assertThat(e.problems().get(1))
        .isEqualTo(
            new RuleProblem(
                "rules/tr.yaml",
                5,
                15,
                Optional.of("tr.a"),
                "unknown category 'crossing' (expected one of crossing_offer, documents, price,"
                    + " contact, pay_on_arrival, route, guarantee, news, law_enforcement,"
                    + " ngo_warning, legit_travel, legit_job, legit_trade, personal)"));
  }

  @Test
  void reportsABadFileLanguageOnceAndFilesThatAreNoMapping() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "rules/xx.yaml",
        "language: Arabic\nrules:\n  - {id: a, category: price, weight: 1, query: x}\n");
    sources.put("rules/list.yaml", "- id: b\n");
    sources.put("rules/empty.yaml", "");

    RuleLoadException e =
        catchThrowableOfType(RuleLoadException.class, () -> RulePackLoader.parse(sources));

    assertThat(e.getMessage())
        .isEqualTo(
            "rules/xx.yaml:1:11: language 'Arabic' must be an ISO 639 code or 'any'\n"
                + "rules/list.yaml:1:1: a rule file must be a mapping with 'language' and 'rules'\n"
                + "rules/empty.yaml:1:1: a rule file must be a mapping with 'language' and 'rules'");
  }

  @Test
  void requiresALanguageForTheFileOrTheRule() {
    String yaml = "rules:\n  - id: a\n    category: price\n    weight: 1\n    query: euro\n";

    RuleLoadException e = loadFailure("rules/x.yaml", yaml);

    assertThat(e.getMessage())
        .isEqualTo(
            "rules/x.yaml:2:5: rule a: missing field 'language' (set it for the file or the rule)");
  }

  @Test
  void loadsEveryYamlFileOfADirectoryInNameOrder(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("b.yml"),
        "language: en\nrules:\n  - {id: b, category: price, weight: 1, query: euro}\n",
        UTF_8);
    Files.writeString(
        dir.resolve("a.yaml"),
        "language: ar\nrules:\n  - {id: a, category: price, weight: 1, query: يورو}\n",
        UTF_8);
    Files.writeString(dir.resolve("notes.txt"), "not a rule file", UTF_8);

    List<Rule> rules = RulePackLoader.load(dir);

    assertThat(rules)
        .extracting(Rule::id, Rule::language)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "ar"),
            org.assertj.core.groups.Tuple.tuple("b", "en"));
  }

  @Test
  void namesFilesByTheirPathInProblems(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("es.yaml");
    Files.writeString(file, "language: es\nrules: nada\n", UTF_8);

    RuleLoadException e =
        catchThrowableOfType(RuleLoadException.class, () -> RulePackLoader.load(dir));

    assertThat(e.getMessage()).isEqualTo(file + ":2:8: 'rules' must be a list of rules");
  }

  private static RuleLoadException loadFailure(String source, String yaml) {
    return catchThrowableOfType(RuleLoadException.class, () -> RulePackLoader.parse(source, yaml));
  }
}

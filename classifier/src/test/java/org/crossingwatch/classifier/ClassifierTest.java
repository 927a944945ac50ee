package org.crossingwatch.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.scoring.ScoringModel;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Rule;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Span;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The untrained model: bias -3, each category's strongest rule weight counted once. */
  private static final ClassifierSettings RULE_WEIGHTS =
      ClassifierSettings.of(ScoringModel.ruleWeights(-3.0, 0.7));

  private static final String RULES =
      """
      language: fr
      rules:
        - {id: fr.crossing.passage, category: crossing_offer, weight: 2.5,
           query: '(passage OR traversée) AND angleterre'}
        - {id: fr.guarantee, category: guarantee, weight: 1.5, query: 'garanti OR garantie'}
        - {id: fr.pay, category: pay_on_arrival, weight: 2.0, query: '"paiement à l''arrivée"'}
        - {id: fr.route, category: route, weight: 1.0, query: 'angleterre OR calais'}
        - {id: any.price, language: any, category: price, weight: 1.0,
           query: '/[0-9][0-9.,]{2,7}/ AND (currency_eur OR currency_gbp)'}
        - {id: any.contact, language: any, category: contact, weight: 1.0, query: 'whatsapp'}
        - {id: any.contact.telegram, language: any, category: contact, weight: 0.5, query: 't.me'}
        - {id: ar.crossing.sea-trip, language: ar, category: crossing_offer, weight: 2.5,
           query: '"رحلة بحرية" OR "رحلات بحرية" OR تهريب'}
        - {id: ar.route, language: ar, category: route, weight: 1.0, query: 'إيطاليا OR طليان'}
        - {id: neg.police, language: any, category: law_enforcement, weight: -3.0,
           query: 'police OR الشرطة OR القبض'}
        - {id: neg.news, language: any, category: news, weight: -2.0, query: 'selon OR وفقا'}
      """;

  @Test
  void frenchOfferAlertsWithItsCategories() throws Exception {
    try (Classifier classifier = classifier(RULES)) {
      Post post =
          post(
              "Passage en Angleterre par zodiac 🚤, garanti, 2500€, paiement à l’arrivée."
                  + " WhatsApp +44 7700 900123 ou t.me/passage_fictif");

      Verdict verdict = classifier.classify(post);

      assertThat(verdict)
          .isEqualTo(
              new Verdict(
                  1,
                  "telegram:passage_uk:42",
                  logistic(-3.0 + 2.5 + 1.5 + 2.0 + 1.0 + 1.0 + 1.0),
                  true,
                  List.of(
                      new RuleHit("fr.crossing.passage", "crossing_offer", "fr", 2.5),
                      new RuleHit("fr.guarantee", "guarantee", "fr", 1.5),
                      new RuleHit("fr.pay", "pay_on_arrival", "fr", 2.0),
                      new RuleHit("fr.route", "route", "fr", 1.0),
                      new RuleHit("any.price", "price", "any", 1.0),
                      new RuleHit("any.contact", "contact", "any", 1.0),
                      new RuleHit("any.contact.telegram", "contact", "any", 0.5)),
                  Map.of(
                      "bias", -3.0,
                      "crossing_offer", 2.5,
                      "guarantee", 1.5,
                      "pay_on_arrival", 2.0,
                      "route", 1.0,
                      "price", 1.0,
                      "contact", 1.0),
                  List.of("fr"),
                  classifier.ruleSetVersion(),
                  NOW,
                  List.of(),
                  List.of(
                      new Span("fr.crossing.passage", "crossing_offer", 0, 7),
                      new Span("fr.crossing.passage", "crossing_offer", 11, 21),
                      new Span("fr.route", "route", 11, 21),
                      new Span("fr.guarantee", "guarantee", 37, 44),
                      new Span("any.price", "price", 46, 50),
                      new Span("any.price", "price", 50, 51),
                      new Span("fr.pay", "pay_on_arrival", 53, 73),
                      new Span("any.contact", "contact", 75, 83),
                      new Span("any.price", "price", 88, 92),
                      new Span("any.price", "price", 93, 99),
                      new Span("any.contact.telegram", "contact", 103, 107)),
                  List.of(
                      new ExtractedEntity(
                          ExtractedEntity.Type.PLACE,
                          "Angleterre",
                          "United Kingdom",
                          11,
                          21,
                          Map.of("country", "GB", "role", "destination", "kind", "country")),
                      new ExtractedEntity(
                          ExtractedEntity.Type.PRICE,
                          "2500€",
                          "2500 EUR",
                          46,
                          51,
                          Map.of("amount", "2500", "currency", "EUR")),
                      new ExtractedEntity(
                          ExtractedEntity.Type.HANDLE,
                          "t.me/passage_fictif",
                          "@passage_fictif",
                          103,
                          122,
                          Map.of("kind", "account", "app", "telegram")))));
      assertThat(verdict.categories())
          .containsExactly(
              "crossing_offer", "guarantee", "pay_on_arrival", "route", "price", "contact");
    }
  }

  @Test
  void arabicPoliceNewsStoryDoesNotAlert() throws Exception {
    try (Classifier classifier = classifier(RULES)) {
      Post post =
          post(
              "وفقا لمصادر أمنية، أعلنت الشرطة القبض على عصابة تهريب كانت تنظم رحلات بحرية إلى"
                  + " إيطاليا");

      Verdict verdict = classifier.classify(post);

      assertThat(verdict.alert()).isFalse();
      assertThat(verdict.hits())
          .extracting(RuleHit::ruleId)
          .containsExactly("ar.crossing.sea-trip", "ar.route", "neg.police", "neg.news");
      assertThat(verdict.contributions())
          .isEqualTo(
              Map.of(
                  "bias", -3.0,
                  "crossing_offer", 2.5,
                  "route", 1.0,
                  "law_enforcement", -3.0,
                  "news", -2.0));
      assertThat(verdict.score()).isEqualTo(logistic(-4.5));
      assertThat(verdict.languages()).containsExactly("ar");
    }
  }

  @Test
  void contributionsSumToTheLogOddsOfTheScore() throws Exception {
    try (Classifier classifier = classifier(RULES)) {
      for (String text :
          List.of(
              "Passage en Angleterre garanti",
              "Police à Calais",
              "رحلة بحرية إلى الطليان",
              "Bonjour à tous",
              "")) {
        Verdict verdict = classifier.classify(post(text));

        double sum = verdict.contributions().values().stream().mapToDouble(d -> d).sum();
        assertThat(logistic(sum)).as(text).isCloseTo(verdict.score(), within());
      }
    }
  }

  @Test
  void aPostThatMatchesNothingScoresTheBiasAlone() throws Exception {
    try (Classifier classifier =
        Classifier.fromRules(
            RulePackLoader.parse("rules/fr.yaml", RULES),
            ClassifierSettings.of(ScoringModel.ruleWeights(-1.0, 0.5)),
            CLOCK)) {
      Verdict verdict = classifier.classify(post(""));

      assertThat(verdict.hits()).isEmpty();
      assertThat(verdict.contributions()).isEqualTo(Map.of("bias", -1.0));
      assertThat(verdict.score()).isEqualTo(logistic(-1.0));
      assertThat(verdict.alert()).isFalse();
      assertThat(verdict.languages()).isEmpty();
    }
  }

  @Test
  void alertThresholdIsConfigurable() throws Exception {
    List<Rule> rules = RulePackLoader.parse("rules/fr.yaml", RULES);
    Post post = post("Passage en Angleterre");
    try (Classifier strict = Classifier.fromRules(rules, RULE_WEIGHTS, CLOCK);
        Classifier lenient =
            Classifier.fromRules(rules, RULE_WEIGHTS.withAlertThreshold(0.6), CLOCK)) {
      assertThat(strict.classify(post).score()).isEqualTo(logistic(0.5));
      assertThat(strict.classify(post).alert()).isFalse();
      assertThat(lenient.classify(post).alert()).isTrue();
    }
  }

  @Test
  void explainShowsTheMatchedSpansOfTheOriginalText() throws Exception {
    String rules =
        """
        language: any
        rules:
          - {id: boat, category: crossing_offer, weight: 1, query: 'emoji_boat OR zodiac'}
          - {id: pay, category: pay_on_arrival, weight: 1, query: '"الدفع عند الوصول"'}
        """;
    try (Classifier classifier = classifier(rules)) {
      String text = "🚤 Zodiac — الدفـــع عند الوصول";

      Classification classification = classifier.explain(post(text));

      assertThat(classification.spans())
          .containsExactly(
              new MatchedSpan("boat", 0, 2, "🚤"),
              new MatchedSpan("boat", 3, 9, "Zodiac"),
              new MatchedSpan("pay", 12, text.length(), "الدفـــع عند الوصول"));
      assertThat(classification.verdict()).isEqualTo(classifier.classify(post(text)));
    }
  }

  @Test
  void sameRulesGiveTheSameVersionInAnyOrderAndAnyChangeGivesAnother() throws Exception {
    List<Rule> rules = RulePackLoader.parse("rules/fr.yaml", RULES);
    List<Rule> shuffled = new ArrayList<>(rules);
    Collections.reverse(shuffled);
    List<Rule> reweighted = new ArrayList<>(rules);
    Rule first = rules.get(0);
    reweighted.set(
        0,
        new Rule(
            0,
            first.id(),
            first.language(),
            first.category(),
            first.query(),
            2.4,
            first.description(),
            first.shouldMatch(),
            first.shouldNotMatch()));

    try (Classifier a = Classifier.fromRules(rules);
        Classifier b = Classifier.fromRules(List.copyOf(rules));
        Classifier c = Classifier.fromRules(shuffled);
        Classifier d = Classifier.fromRules(reweighted)) {
      assertThat(a.ruleSetVersion()).matches("rules-[0-9a-f]{12}");
      assertThat(b.ruleSetVersion()).isEqualTo(a.ruleSetVersion());
      assertThat(c.ruleSetVersion()).isEqualTo(a.ruleSetVersion());
      assertThat(d.ruleSetVersion()).isNotEqualTo(a.ruleSetVersion());
    }
  }

  @Test
  void unusableRulesAreLeftOutAndTheOthersStillMatch() throws Exception {
    List<Rule> rules =
        List.of(
            rule("good", "crossing_offer", 2.0, "zodiac"),
            rule("broken", "crossing_offer", 2.0, "zodiac AND (bateau"),
            rule("odd-category", "smuggling", 2.0, "bateau"),
            rule("too-heavy", "price", 9.0, "euro"),
            rule("good", "price", 1.0, "euro"));
    try (Classifier classifier = Classifier.fromRules(rules, RULE_WEIGHTS, CLOCK)) {
      assertThat(classifier.skippedRules())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "broken", "query does not parse at 1:19: unexpected end of query",
                  "odd-category", "unknown category 'smuggling'",
                  "too-heavy", "weight 9.0 is out of range [-5, 5]",
                  "good", "duplicate id"));
      assertThat(classifier.rules()).containsExactly(rules.get(0));
      assertThat(classifier.classify(post("zodiac bateau euro")).hits())
          .containsExactly(new RuleHit("good", "crossing_offer", "any", 2.0));
      assertThat(classifier.matchErrors()).isZero();
    }
  }

  @Test
  void rulesAreCheckedAgainstTheirOwnExamples() throws Exception {
    String rules =
        """
        language: en
        rules:
          - id: en.boat
            category: crossing_offer
            weight: 2
            query: '"boat to italy"'
            examples:
              match: ["Boat to Italy on Friday", "A boat for Italy"]
              no_match: ["Boat tour", "Book a boat to Italy with us"]
        """;
    try (Classifier classifier = classifier(rules)) {
      assertThat(classifier.exampleFailures())
          .containsExactly(
              new ExampleFailure("en.boat", "A boat for Italy", true),
              new ExampleFailure("en.boat", "Book a boat to Italy with us", false));
      assertThat(classifier.exampleFailures().get(1))
          .hasToString("rule en.boat should not match 'Book a boat to Italy with us'");
      assertThat(classifier.matchingRuleIds("BOAT TO ITALY")).containsExactly("en.boat");
    }
  }

  @Test
  void classifiesConcurrentlyFromFourNamedThreadsWithTheSameResults() throws Exception {
    List<Post> posts =
        List.of(
            post("Passage en Angleterre garanti, 2500€, WhatsApp"),
            post("رحلة بحرية إلى الطليان"),
            post("وفقا لمصادر، الشرطة القبض على عصابة تهريب"),
            post("Bonjour"),
            post("Traversée 🚤 Calais → Angleterre, paiement à l'arrivée"));
    try (Classifier classifier = classifier(RULES)) {
      List<Verdict> expected = posts.stream().map(classifier::classify).toList();
      Map<String, List<Verdict>> seen = new ConcurrentHashMap<>();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String name = "classify-test-" + t;
        threads.add(
            new Thread(
                () -> {
                  List<Verdict> mine = new ArrayList<>();
                  for (int round = 0; round < 25; round++) {
                    posts.forEach(p -> mine.add(classifier.classify(p)));
                  }
                  seen.put(Thread.currentThread().getName(), mine);
                },
                name));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(seen).hasSize(4);
      List<Verdict> everyRound = new ArrayList<>();
      for (int round = 0; round < 25; round++) {
        everyRound.addAll(expected);
      }
      seen.values().forEach(verdicts -> assertThat(verdicts).isEqualTo(everyRound));
    }
  }

  private static Classifier classifier(String yaml) throws Exception {
    return Classifier.fromRules(RulePackLoader.parse("rules/test.yaml", yaml), RULE_WEIGHTS, CLOCK);
  }

  private static Rule rule(String id, String category, double weight, String query) {
    return new Rule(0, id, "any", category, query, weight, Optional.empty(), List.of(), List.of());
  }

  static Post post(String text) {
    return new Post(
        0,
        null,
        "telegram",
        "passage_uk",
        "42",
        Optional.empty(),
        Optional.empty(),
        text,
        Optional.empty(),
        Optional.empty(),
        NOW,
        List.of(),
        Optional.empty(),
        "0".repeat(64));
  }

  private static double logistic(double logOdds) {
    return 1.0 / (1.0 + Math.exp(-logOdds));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}

package org.crossingwatch.classifier.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.classifier.Classification;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.MatchedSpan;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.junit.jupiter.api.Test;

/**
 * The digits of a phone number are never read as an amount: the shipped {@code any} pack's price
 * rule neither matches on them nor highlights them, and the phone is still extracted.
 */
class PhoneNumbersAreNoAmountsTest {

  @Test
  void boatOfferHighlightsItsAmountAndCurrencyButNotItsPhoneAsThePrice() throws Exception {
    String text =
        "Boat to Italy from Zuwara, 2500 euros, pay on arrival. WhatsApp +218 91 234 5678";
    try (Classifier classifier = anyPack()) {

      Classification classification = classifier.explain(post(text));

      assertThat(classification.spans())
          .containsExactly(
              new MatchedSpan("any.price.amount", 27, 31, "2500"),
              new MatchedSpan("any.price.amount", 32, 37, "euros"),
              new MatchedSpan("any.contact.messaging", 55, 63, "WhatsApp"));
      assertThat(classification.verdict().entities())
          .filteredOn(entity -> entity.type() == ExtractedEntity.Type.PHONE)
          .containsExactly(
              new ExtractedEntity(
                  ExtractedEntity.Type.PHONE,
                  "+218 91 234 5678",
                  "+218912345678",
                  64,
                  80,
                  Map.of("line", "mobile", "region", "LY")));
    }
  }

  @Test
  void currencyWordAndPhoneNumberWithoutAnAmountAreNoPrice() throws Exception {
    try (Classifier classifier = anyPack()) {
      String noAmount = "Visa office, fees in euro, call 0044 7911 123456";

      assertThat(classifier.matchingRuleIds(noAmount)).isEmpty();
      assertThat(classifier.classify(post(noAmount)).hits()).isEmpty();
      assertThat(classifier.classify(post(noAmount)).entities())
          .extracting(ExtractedEntity::type, ExtractedEntity::normalized)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(ExtractedEntity.Type.PHONE, "+447911123456"));
      assertThat(classifier.matchingRuleIds("Visa office, fees 2500 euro, call 0044 7911 123456"))
          .containsExactly("any.price.amount");
    }
  }

  @Test
  void priceInArabicIndicDigitsNextToAPhoneInArabicIndicDigitsStillMatches() throws Exception {
    String text = "السعر ٢٥٠٠ يورو واتساب +٢١٨ ٩١ ٢٣٤ ٥٦٧٨";
    try (Classifier classifier = anyPack()) {

      Classification classification = classifier.explain(post(text));

      assertThat(classification.verdict().hits())
          .containsExactly(
              new RuleHit("any.price.amount", "price", "any", 1.0),
              new RuleHit("any.contact.messaging", "contact", "any", 1.0));
      assertThat(classification.spans())
          .containsExactly(
              new MatchedSpan("any.price.amount", 6, 10, "٢٥٠٠"),
              new MatchedSpan("any.price.amount", 11, 15, "يورو"),
              new MatchedSpan("any.contact.messaging", 16, 22, "واتساب"));
      assertThat(classification.verdict().entities())
          .extracting(ExtractedEntity::type, ExtractedEntity::value, ExtractedEntity::normalized)
          .contains(
              org.assertj.core.groups.Tuple.tuple(
                  ExtractedEntity.Type.PHONE, "+٢١٨ ٩١ ٢٣٤ ٥٦٧٨", "+218912345678"));
    }
  }

  @Test
  void noRuleSeesTheDigitsOfAPhoneNumberButEveryRuleSeesTheRestOfTheText() throws Exception {
    String yaml =
        """
        language: any
        rules:
          - {id: any.libya-code, category: route, weight: 1.0, query: '218'}
          - {id: any.link, category: contact, weight: 1.0, query: 'wa.me'}
        """;
    try (Classifier classifier =
        Classifier.fromRules(RulePackLoader.parse("rules/test.yaml", yaml))) {

      assertThat(classifier.matchingRuleIds("Zuwara 218 km")).containsExactly("any.libya-code");
      assertThat(classifier.matchingRuleIds("Zuwara +218 91 234 5678")).isEmpty();
      assertThat(classifier.matchingRuleIds("https://wa.me/218912345678"))
          .containsExactly("any.link");
    }
  }

  private static Classifier anyPack() throws Exception {
    return Classifier.fromRuleDirectory(ProjectFiles.rules().resolve("any.yaml"));
  }

  private static Post post(String text) {
    return new Post(
        0,
        null,
        "telegram",
        "crossings",
        "7",
        Optional.empty(),
        Optional.empty(),
        text,
        Optional.empty(),
        Optional.empty(),
        Instant.parse("2025-03-10T12:00:00Z"),
        List.of(),
        Optional.empty(),
        "0".repeat(64));
  }
}

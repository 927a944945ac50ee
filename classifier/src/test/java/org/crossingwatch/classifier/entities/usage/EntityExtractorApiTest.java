package org.crossingwatch.classifier.entities.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.entities.Entity;
import org.crossingwatch.classifier.entities.Entity.Type;
import org.crossingwatch.classifier.entities.EntityExtractor;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.junit.jupiter.api.Test;

/** Uses only the public API, as the classifier and the stream processor will. */
class EntityExtractorApiTest {
  private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

  @Test
  void normalisedTextGivesTheSameEntitiesAsItsOriginal() {
    String text =
        "Passage 🚤 Sfax → Lampedusa 1500€, appel +216 98 123 456 ou ٠٩١٢٣٤٥٦٧٨ @sfax_boat";

    assertThat(EXTRACTOR.extractFrom(Normalizer.normalize(text), List.of("fr", "ar")))
        .isEqualTo(EXTRACTOR.extract(text, List.of("fr", "ar")))
        .extracting(Entity::type)
        .containsExactly(Type.PLACE, Type.PLACE, Type.PRICE, Type.PHONE, Type.PHONE, Type.HANDLE);
  }

  @Test
  void textWithOneDigitHasNoPhoneNumber() {
    assertThat(EXTRACTOR.extract("Каюта 1, звоните Ахмеду в Стамбуле", List.of("ru")))
        .extracting(Entity::type)
        .doesNotContain(Type.PHONE);
  }

  @Test
  void extractsEveryEntityOfALibyanCrossingOfferInOriginalOffsets() {
    String text = "🚤 رحلة من زوارة إلى لامبيدوزا السعر 3000$ واتساب ٠٩١٢٣٤٥٦٧٨ t.me/zuwara_trips";

    assertThat(EXTRACTOR.extract(text, List.of("ar")))
        .containsExactly(
            new Entity(
                Type.PLACE,
                "زوارة",
                "Zuwara",
                11,
                16,
                Map.of(
                    "country", "LY", "kind", "city", "role", "departure", "route", "central-med")),
            new Entity(
                Type.PLACE,
                "لامبيدوزا",
                "Lampedusa",
                21,
                30,
                Map.of(
                    "country", "IT", "kind", "island", "role", "arrival", "route", "central-med")),
            new Entity(
                Type.PRICE,
                "3000$",
                "3000 USD",
                37,
                42,
                Map.of("amount", "3000", "currency", "USD")),
            new Entity(
                Type.HANDLE,
                "واتساب ٠٩١٢٣٤٥٦٧٨",
                "whatsapp:+218912345678",
                43,
                60,
                Map.of("app", "whatsapp", "kind", "phone")),
            new Entity(
                Type.PHONE,
                "٠٩١٢٣٤٥٦٧٨",
                "+218912345678",
                50,
                60,
                Map.of("region", "LY", "line", "mobile")),
            new Entity(
                Type.HANDLE,
                "t.me/zuwara_trips",
                "@zuwara_trips",
                61,
                78,
                Map.of("app", "telegram", "kind", "account")));
  }

  @Test
  void guessesThePhoneRegionFromAFlagInTheText() {
    String text = "🇹🇳 20 123 456";

    assertThat(EXTRACTOR.extract(text, List.of("fr")))
        .containsExactly(
            new Entity(
                Type.PHONE,
                "20 123 456",
                "+21620123456",
                5,
                15,
                Map.of("region", "TN", "line", "mobile")));
  }

  @Test
  void guessesThePhoneRegionFromADeparturePlace() {
    String text = "Sfax → Lampedusa, 20 123 456";

    assertThat(EXTRACTOR.extract(text, List.of()))
        .extracting(Entity::type, Entity::normalized)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Type.PLACE, "Sfax"),
            org.assertj.core.groups.Tuple.tuple(Type.PLACE, "Lampedusa"),
            org.assertj.core.groups.Tuple.tuple(Type.PHONE, "+21620123456"));
  }

  @Test
  void keepsTheLongerSpanWhenAPlaceIsPartOfALink() {
    String text = "https://calais-crossing.example/boat";

    assertThat(EXTRACTOR.extract(text, List.of("en")))
        .extracting(Entity::type)
        .containsExactly(Type.LINK);
  }

  @Test
  void returnsNothingForAnEmptyText() {
    assertThat(EXTRACTOR.extract("", List.of("ar"))).isEmpty();
  }

  @Test
  void rejectsNullArgumentsNamingThem() {
    assertThatThrownBy(() -> EXTRACTOR.extract(null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("originalText");
    assertThatThrownBy(() -> EXTRACTOR.extract("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("languageHints");
  }

  @Test
  void entitiesValidateTheirSpan() {
    assertThatThrownBy(() -> new Entity(Type.PHONE, "0912", "+218912", 5, 5, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("span [5, 5) of PHONE '0912' is not a valid range");
  }
}

package org.crossingwatch.classifier.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crossingwatch.classifier.entities.Entities.expected;
import static org.crossingwatch.classifier.entities.Entity.Type.PLACE;

import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.junit.jupiter.api.Test;

class PlaceGazetteerTest {
  private static final PlaceGazetteer GAZETTEER =
      PlaceGazetteer.load(PlaceGazetteer.DEFAULT_RESOURCE);

  private static List<String> names(String text) {
    return GAZETTEER.find(Normalizer.normalize(text)).stream().map(Entity::normalized).toList();
  }

  @Test
  void shipsAtLeastSixtyPlaces() {
    assertThat(GAZETTEER.size()).isGreaterThanOrEqualTo(60);
  }

  @Test
  void findsPlacesWithTheirCountryKindRoleAndRoute() {
    String text = "رحلة من زوارة إلى لامبيدوزا";

    assertThat(GAZETTEER.find(Normalizer.normalize(text)))
        .containsExactly(
            expected(
                PLACE,
                text,
                "زوارة",
                "Zuwara",
                Map.of(
                    "country", "LY", "kind", "city", "role", "departure", "route", "central-med")),
            expected(
                PLACE,
                text,
                "لامبيدوزا",
                "Lampedusa",
                Map.of(
                    "country", "IT", "kind", "island", "role", "arrival", "route", "central-med")));
  }

  @Test
  void listsAPlacesAttributesByNameSoVerdictJsonIsStable() {
    Entity zuwara = GAZETTEER.find(Normalizer.normalize("من زوارة")).get(0);

    assertThat(List.copyOf(zuwara.attributes().keySet()))
        .containsExactly("country", "kind", "role", "route");
  }

  @Test
  void matchesSpellingsInEveryScript() {
    assertThat(names("Zuara, Lampedusa, لمبدوزا, İzmir, Izmir, إزمير, ازمیر, Измир"))
        .containsExactly(
            "Zuwara", "Lampedusa", "Lampedusa", "Izmir", "Izmir", "Izmir", "Izmir", "Izmir");
    assertThat(names("Έβρος Meriç إيفروس Bihać Bihac بيهاتش Calais كاليه Минск مينسك"))
        .containsExactly(
            "Evros", "Evros", "Evros", "Bihać", "Bihać", "Bihać", "Calais", "Calais", "Minsk",
            "Minsk");
  }

  @Test
  void foldsCaseDiacriticsAndArabicLetterVariants() {
    assertThat(names("ALMERIA almería زواره ايطاليا إيطاليا ایتالیا CALAIS dunkerque"))
        .containsExactly(
            "Almería", "Almería", "Zuwara", "Italy", "Italy", "Italy", "Calais", "Dunkirk");
  }

  @Test
  void acceptsTheArabicArticleAndCliticsAndThePersianEzafe() {
    assertThat(names("والزوارة للجزائر بالمغرب لإيطاليا ایتالیای"))
        .containsExactly("Zuwara", "Algeria", "Morocco", "Italy", "Italy");
  }

  @Test
  void prefersTheLongestAliasAndMatchesWholeWordsOnly() {
    assertThat(names("Piedras Negras, Velika Kladuša, Grande-Synthe; Calaisien Oranges Kosovo"))
        .containsExactly("Piedras Negras", "Velika Kladuša", "Grande-Synthe");
  }

  @Test
  void findsDestinationCountries() {
    assertThat(
            names(
                "Italy Italia إيطاليا ایتالیا Италия Greece اليونان یونان UK بريطانيا انگلیس Germany ألمانيا آلمان"))
        .containsExactly(
            "Italy",
            "Italy",
            "Italy",
            "Italy",
            "Italy",
            "Greece",
            "Greece",
            "Greece",
            "United Kingdom",
            "United Kingdom",
            "United Kingdom",
            "Germany",
            "Germany",
            "Germany");
  }

  @Test
  void failsLoudlyNamingAMissingResource() {
    assertThatThrownBy(() -> PlaceGazetteer.load("/no/such/gazetteer.tsv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Gazetteer resource '/no/such/gazetteer.tsv' not found on the class path");
  }

  @Test
  void failsLoudlyNamingTheLineOfAMalformedEntry() {
    assertThatThrownBy(
            () ->
                PlaceGazetteer.parse(
                    "test.tsv", List.of("# header", "Zuwara\tLY\tcity\tdeparture")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Gazetteer resource 'test.tsv' line 2: expected 6 tab-separated cells, found 4");
    assertThatThrownBy(
            () ->
                PlaceGazetteer.parse(
                    "test.tsv",
                    List.of(
                        "Zuwara\tLY\tcity\tdeparture\tcentral-med\tZuara",
                        "Zuara\tLY\tcity\tdeparture\tcentral-med\tZUARA")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Gazetteer resource 'test.tsv' line 2: alias 'ZUARA' already names 'Zuwara' (line 1)");
  }
}

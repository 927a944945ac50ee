package org.crossingwatch.classifier.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.entities.Entities.expected;
import static org.crossingwatch.classifier.entities.Entity.Type.PRICE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceExtractorTest {
  private final PriceExtractor extractor = new PriceExtractor();

  private List<Entity> prices(String text, String... regions) {
    return extractor.extract(Normalizer.normalize(text), List.of(regions));
  }

  private static Entity price(String text, String value, String amount, String currency) {
    return expected(
        PRICE,
        text,
        value,
        amount + " " + currency,
        Map.of("amount", amount, "currency", currency));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "3000$                | 3000     | USD",
        "$ 3000               | 3000     | USD",
        "€2.500               | 2500     | EUR",
        "3,5k €               | 3500     | EUR",
        "2.5k$                | 2500     | USD",
        "1.500,50 €           | 1500.5   | EUR",
        "3 000 евро           | 3000     | EUR",
        "٣٬٠٠٠ دولار          | 3000     | USD",
        "٣٠٠٠ يورو            | 3000     | EUR",
        "2500 یورو            | 2500     | EUR",
        "USD 1500             | 1500     | USD",
        "1500 TL              | 1500     | TRY",
        "5 bin euro           | 5000     | EUR",
        "2000 lira            | 2000     | TRY",
        "500 £                | 500      | GBP",
        "10000 ؋              | 10000    | AFN",
        "20 000 افغانی        | 20000    | AFN",
        "2 lakh rupees        | 200000   | PKR",
        "1 crore Rs           | 10000000 | PKR",
        "3000 dh              | 3000     | MAD",
        "1,5 млн руб          | 1500000  | RUB",
        "20 тисяч гривень     | 20000    | UAH",
        "1000 долларов        | 1000     | USD",
        "2000 USDT            | 2000     | USDT",
        "3 mil pesos          | 3000     | MXN",
      })
  void readsAmountsWithCurrencySignsCodesAndWords(String written, String amount, String currency) {
    String text = "prix: " + written + " !";

    assertThat(prices(text)).containsExactly(price(text, written, amount, currency));
  }

  @Test
  void readsTomansAsRialsAndKeepsTheWrittenUnit() {
    String text = "قیمت ۵۰ میلیون تومان";

    assertThat(prices(text, "IR"))
        .containsExactly(
            expected(
                PRICE,
                text,
                "۵۰ میلیون تومان",
                "500000000 IRR",
                Map.of("amount", "500000000", "currency", "IRR", "unit", "toman")));
  }

  @Test
  void readsAlgerianMillionsOfCentimes() {
    String text = "la traversée 150 millions de centimes, الحرقة ب 120 مليون سنتيم";

    Map<String, String> first = new HashMap<>(Map.of("amount", "1500000", "currency", "DZD"));
    first.put("unit", "centime");
    assertThat(prices(text, "DZ"))
        .containsExactly(
            expected(PRICE, text, "150 millions de centimes", "1500000 DZD", first),
            expected(
                PRICE,
                text,
                "120 مليون سنتيم",
                "1200000 DZD",
                Map.of("amount", "1200000", "currency", "DZD", "unit", "centime")));
  }

  @Test
  void resolvesDinarLiraAndRialByTheCandidateRegions() {
    String text = "3000 دينار، 20 ألف ليرة، 500 ريال";

    assertThat(prices(text, "IQ", "SY", "SA"))
        .containsExactly(
            price(text, "3000 دينار", "3000", "IQD"),
            price(text, "20 ألف ليرة", "20000", "SYP"),
            price(text, "500 ريال", "500", "SAR"));
    assertThat(prices("3000 dinars", "TN"))
        .containsExactly(price("3000 dinars", "3000 dinars", "3000", "TND"));
    assertThat(prices("3000 dinars"))
        .containsExactly(price("3000 dinars", "3000 dinars", "3000", "LYD"));
  }

  @Test
  void readsTheRialSignAsTheRialOfTheLikeliestRegion() {
    String text = "1500 ﷼";

    assertThat(prices(text, "IR")).containsExactly(price(text, text, "1500", "IRR"));
    assertThat(prices(text)).containsExactly(price(text, text, "1500", "SAR"));
  }

  @Test
  void numbersWithoutACurrencyAreNotPrices() {
    assertThat(prices("3000 people in 2024, try 3 times, all 500 seats, 0912345678, 3km"))
        .isEmpty();
  }

  @Test
  void findsACurrencyBeforeItsAmountInCapitalsAndInAnyArabicLetterVariant() {
    String text = "EURO 300 au départ, ДОЛЛАРОВ 500 после, دولار ٧٠٠ عند الوصول";

    assertThat(prices(text))
        .containsExactly(
            price(text, "EURO 300", "300", "EUR"),
            price(text, "ДОЛЛАРОВ 500", "500", "USD"),
            price(text, "دولار ٧٠٠", "700", "USD"));
  }
}

package org.crossingwatch.classifier.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.entities.Entities.expected;
import static org.crossingwatch.classifier.entities.Entity.Type.PHONE;

import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberExtractorTest {
  private final PhoneNumberExtractor extractor = new PhoneNumberExtractor();

  private List<Entity> phones(String text, String... regions) {
    return extractor.extract(Normalizer.normalize(text), List.of(regions));
  }

  private static Entity phone(String text, String value, String e164, String region) {
    return expected(PHONE, text, value, e164, Map.of("region", region, "line", "mobile"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LY | 091-2345678        | +218912345678",
        "TN | 20 123 456         | +21620123456",
        "DZ | 0551 23 45 67      | +213551234567",
        "MA | 06 50 12 34 56     | +212650123456",
        "EG | 010 0123 4567      | +201001234567",
        "IQ | 0791 234 5678      | +9647912345678",
        "SY | 0944 567 890       | +963944567890",
        "TR | 0 (501) 234 56 78  | +905012345678",
        "IR | 0912 345 6789      | +989123456789",
        "AF | 070 123 4567       | +93701234567",
        "PK | 0301-2345678       | +923012345678",
        "BD | 01812-345678       | +8801812345678",
        "GB | 07400 123456       | +447400123456",
        "FR | 06.12.34.56.78     | +33612345678",
        "IT | 312 345 6789       | +393123456789",
        "ES | 612 34 56 78       | +34612345678",
        "DE | 01512 3456789      | +4915123456789",
        "GR | 691 234 5678       | +306912345678",
        "AL | 067 212 3456       | +355672123456",
        "RU | 8 (912) 345-67-89  | +79123456789",
        "UA | 050 123 4567       | +380501234567",
        "BY | 8 029 491-19-11    | +375294911911",
        "SD | 091 123 1234       | +249911231234",
        "NG | 0802 123 4567      | +2348021234567",
      })
  void readsNationalFormatsAsLocalsWriteThem(String region, String written, String e164) {
    String text = "Tel. " + written + " !";

    assertThat(phones(text, region)).containsExactly(phone(text, written, e164, region));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LY | ٠٩١٢٣٤٥٦٧٨     | +218912345678",
        "IR | ۰۹۱۲ ۳۴۵ ۶۷۸۹  | +989123456789",
        "IQ | ٠٧٩١ ٢٣٤ ٥٦٧٨  | +9647912345678",
        "AF | ۰۷۰ ۱۲۳ ۴۵۶۷   | +93701234567",
      })
  void readsArabicIndicAndPersianDigits(String region, String written, String e164) {
    String text = "للتواصل " + written;

    assertThat(phones(text, region)).containsExactly(phone(text, written, e164, region));
  }

  @Test
  void readsInternationalNumbersWithPlusOrDoubleZeroWhateverTheRegion() {
    String text = "اتصل +218 91 234 5678 او 00 216 20 123 456";

    assertThat(phones(text, "FR"))
        .containsExactly(
            phone(text, "+218 91 234 5678", "+218912345678", "LY"),
            phone(text, "00 216 20 123 456", "+21620123456", "TN"));
  }

  @Test
  void readsDigitsSeparatedBySpacesAndBrackets() {
    String text = "num: 0 9 1 2 3 4 5 6 7 8 / (091) 234-5678";

    assertThat(phones(text, "LY"))
        .containsExactly(
            phone(text, "0 9 1 2 3 4 5 6 7 8", "+218912345678", "LY"),
            phone(text, "(091) 234-5678", "+218912345678", "LY"));
  }

  @Test
  void readsTheNumberInAWhatsAppLinkWithItsOwnCountryCode() {
    String text = "https://wa.me/905012345678";

    assertThat(phones(text, "LY"))
        .containsExactly(phone(text, "905012345678", "+905012345678", "TR"));
  }

  @Test
  void triesRegionsInOrderAndReportsEachSpanOnce() {
    String text = "0912345678";

    assertThat(phones(text, "LY", "IR", "LY"))
        .containsExactly(phone(text, text, "+218912345678", "LY"));
    assertThat(phones("09123456789", "LY", "IR"))
        .containsExactly(phone("09123456789", "09123456789", "+989123456789", "IR"));
  }

  @Test
  void aLaterRegionStillFindsTheNumbersBesideThoseAnEarlierRegionFound() {
    String text = "ليبيا 0912345678 ایران 09123456789";

    assertThat(phones(text, "LY", "IR"))
        .containsExactly(
            phone(text, "0912345678", "+218912345678", "LY"),
            phone(text, "09123456789", "+989123456789", "IR"));
  }

  @Test
  void pricesYearsDatesAndTimesAreNotPhoneNumbers() {
    String text = "3000$ en 2023, le 12/05/2024 à 14:30, 15.06.2025, 1.500.000 تومان, 21:45:10";

    assertThat(phones(text, "LY", "FR", "DE", "IR", "TR")).isEmpty();
  }
}

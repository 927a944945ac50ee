package org.crossingwatch.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {
  @Test
  void findsPhonesInEveryInternationalFormHandlesWalletsAndPrices() {
    String text =
        "Boat Tuesday 3000€. Call +90 532 123 45 67 or ٠٠٢١٨٩١٢٣٤٥٦٧٨, t.me/kaptan_ali,"
            + " USDT TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";
    assertThat(EntityExtractor.extract(text))
        .containsExactly(
            new Entity("price", "3000€", "3000€", 13, 18),
            new Entity("phone", "+90 532 123 45 67", "+905321234567", 25, 42),
            new Entity("phone", "٠٠٢١٨٩١٢٣٤٥٦٧٨", "+218912345678", 46, 60),
            new Entity("handle", "t.me/kaptan_ali", "kaptan_ali", 62, 77),
            new Entity(
                "wallet",
                "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
                "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
                84,
                118));
  }

  @Test
  void aDigitGroupStartingWithZeroZeroInsideANumberIsNotAnInternationalPrefix() {
    assertThat(EntityExtractor.extract("واتساب +218 91 777 0042، أو 00218 91 777 0043"))
        .containsExactly(
            new Entity("phone", "+218 91 777 0042", "+218917770042", 7, 23),
            new Entity("phone", "00218 91 777 0043", "+218917770043", 28, 45));
    assertThat(EntityExtractor.normalizePhone("+218 91 777 0042")).contains("+218917770042");
    assertThat(EntityExtractor.normalizePhone("+218-91-777-0042")).contains("+218917770042");
  }

  @Test
  void normalisesAPhoneWrittenAnyInternationalWay() {
    for (String written : List.of("+90 532 123 45 67", "0090-532-1234567", "+90 (532) 123-4567")) {
      assertThat(EntityExtractor.normalizePhone(written)).as(written).contains("+905321234567");
    }
    assertThat(EntityExtractor.normalizePhone("532 123 45 67")).isEmpty();
    assertThat(EntityExtractor.normalizePhone("call me")).isEmpty();
  }
}

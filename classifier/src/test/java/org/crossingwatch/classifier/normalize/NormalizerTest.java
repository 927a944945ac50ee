package org.crossingwatch.classifier.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizerTest {

  @Test
  void appliesNfkcToFullWidthLettersAndArabicPresentationForms() {
    assertThat(Normalizer.normalize("ＷｈａｔｓＡｐｐ ﻻ").text()).isEqualTo("WhatsApp لا");
  }

  @Test
  void removesZeroWidthCharactersAndSoftHyphens() {
    assertThat(Normalizer.normalize("wh\u200Bats\u200Dapp pass\u00ADage \uFEFFبحر\u200Cية").text())
        .isEqualTo("whatsapp passage بحرية");
  }

  @Test
  void removesArabicTatweel() {
    assertThat(Normalizer.normalize("تهـــريب").text()).isEqualTo("تهريب");
  }

  @Test
  void mapsArabicIndicAndPersianDigitsToAscii() {
    assertThat(Normalizer.normalize("٣٥٠٠ دينار و ۲۵۰۰ یورو").text())
        .isEqualTo("3500 دينار و 2500 یورو");
  }

  @Test
  void turnsEmojisIntoTokens() {
    assertThat(Normalizer.normalize("🚤⛵🛥🚚🚛🚕✈️💶💵💰🛂").text())
        .isEqualTo(
            " emoji_boat  emoji_boat  emoji_boat  emoji_truck  emoji_truck  emoji_taxi "
                + " emoji_plane  emoji_money  emoji_money  emoji_money  emoji_passport ");
  }

  @Test
  void turnsFlagsIntoCountryCodeTokens() {
    assertThat(Normalizer.normalize("🇱🇾➡️🇮🇹 🇬🇧").text())
        .isEqualTo(" flag_ly ➡ flag_it   flag_gb ");
  }

  @Test
  void turnsCurrencySignsIntoTokensSoPricesCarryThem() {
    assertThat(Normalizer.normalize("3000$ €2500 £900 ₺100").text())
        .isEqualTo("3000 currency_usd   currency_eur 2500  currency_gbp 900  currency_try 100");
  }

  @Test
  void mapsTypographicApostrophes() {
    assertThat(Normalizer.normalize("l’arrivée").text()).isEqualTo("l'arrivée");
  }

  @Test
  void keepsTheOriginalAndMapsNormalisedRangesBackToIt() {
    String original = "تهـريب 🚤 ٣٠٠٠€";
    NormalizedText normalized = Normalizer.normalize(original);

    assertThat(normalized.original()).isEqualTo(original);
    assertThat(normalized.text()).isEqualTo("تهريب  emoji_boat  3000 currency_eur ");
    int boat = normalized.text().indexOf("emoji_boat");
    int[] boatRange = normalized.originalRange(boat, boat + "emoji_boat".length());
    assertThat(original.substring(boatRange[0], boatRange[1])).isEqualTo("🚤");
    int[] wordRange = normalized.originalRange(0, 5);
    assertThat(original.substring(wordRange[0], wordRange[1])).isEqualTo("تهـريب");
    int digits = normalized.text().indexOf("3000");
    int[] digitRange = normalized.originalRange(digits, digits + 4);
    assertThat(original.substring(digitRange[0], digitRange[1])).isEqualTo("٣٠٠٠");
  }

  @Test
  void mapsEveryCharOfAnNfkcChunkToTheWholeChunkItCameFrom() {
    String original = "ﬁn cafe\u0301 بَحر";
    NormalizedText normalized = Normalizer.normalize(original);

    assertThat(normalized.text()).isEqualTo("fin café بَحر");
    assertThat(normalized.originalRange(0, 1)).containsExactly(0, 1); // f of the ligature
    assertThat(normalized.originalRange(1, 2)).containsExactly(0, 1); // i of the ligature
    assertThat(normalized.originalRange(2, 3)).containsExactly(1, 2);
    assertThat(normalized.originalRange(7, 8)).containsExactly(6, 8); // é from e and U+0301
    assertThat(normalized.originalRange(9, 10)).containsExactly(9, 11); // beh with its fatha
    assertThat(normalized.originalRange(10, 11)).containsExactly(9, 11);
    assertThat(normalized.originalRange(11, 12)).containsExactly(11, 12);
  }

  @Test
  void leavesEmptyTextEmpty() {
    NormalizedText normalized = Normalizer.normalize("");

    assertThat(normalized.text()).isEmpty();
    assertThat(normalized.originalRange(0, 0)).containsExactly(0, 0);
  }

  @Test
  void rejectsRangesOutsideTheText() {
    assertThatThrownBy(() -> Normalizer.normalize("abc").originalRange(2, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void blanksTheDigitsThatCameFromARangeOfTheOriginalAndKeepsTheMap() {
    String original = "السعر ٢٥٠٠ يورو، رقم ٠٩١-٢٣٤٥٦٧٨";
    NormalizedText text = Normalizer.normalize(original);
    int phone = original.indexOf('٠', 10);

    NormalizedText blanked = text.withDigitsBlanked(phone, original.length());

    assertThat(blanked.text()).isEqualTo("السعر 2500 يورو، رقم    -       ");
    assertThat(blanked.original()).isEqualTo(original);
    assertThat(blanked.originalRange(6, 10)).containsExactly(6, 10);
    assertThat(blanked.originalRange(phone, phone + 3)).containsExactly(phone, phone + 3);
  }

  @Test
  void blankingARangeWithoutDigitsGivesTheSameText() {
    NormalizedText text = Normalizer.normalize("call 2500 now");

    assertThat(text.withDigitsBlanked(0, 4)).isSameAs(text);
  }

  @Test
  void rejectsBlankingARangeOutsideTheOriginal() {
    assertThatThrownBy(() -> Normalizer.normalize("2500").withDigitsBlanked(2, 9))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Range [2, 9) out of bounds for length 4");
  }
}

package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

  @Test
  void tellsArabicScriptLanguagesApartByTheirOwnLetters() {
    assertThat(LanguageGuesser.guess("رحلة بحرية إلى الطليان")).containsExactly("ar");
    assertThat(LanguageGuesser.guess("انتقال مسافر از ترکیه به یونان")).containsExactly("fa");
    assertThat(LanguageGuesser.guess("گەشت بە قاچاخ بۆ ئەڵمانیا")).containsExactly("ku");
  }

  @Test
  void tellsLatinScriptLanguagesApartByTheirSpecialLetters() {
    assertThat(LanguageGuesser.guess("Yunanistan'a kaçak geçiş")).containsExactly("tr");
    assertThat(LanguageGuesser.guess("Kalim për në Angli")).containsExactly("sq");
    assertThat(LanguageGuesser.guess("Viaje en patera a España")).containsExactly("es");
    assertThat(LanguageGuesser.guess("Passage garanti, paiement à l'arrivée"))
        .containsExactly("fr");
    assertThat(LanguageGuesser.guess("Boat to Italy")).containsExactly("latin");
  }

  @Test
  void listsEveryProminentScriptMostLettersFirst() {
    assertThat(LanguageGuesser.guess("Boat to Italy رحلة بحرية من ليبيا"))
        .containsExactly("ar", "latin");
    assertThat(LanguageGuesser.guess("Переправа в Германию")).containsExactly("ru");
    assertThat(LanguageGuesser.guess("🚤 3500 €")).isEmpty();
  }
}

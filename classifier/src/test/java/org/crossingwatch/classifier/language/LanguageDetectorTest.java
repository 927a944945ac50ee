package org.crossingwatch.classifier.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  private final LanguageDetector detector = LanguageDetector.shipped();

  private List<String> codes(String text) {
    return detector.detect(text).stream().map(DetectedLanguage::code).toList();
  }

  @Test
  void pashtoLettersMakePashto() {
    assertThat(codes("ښه لاره ده، ټول ځایونه ډک دي")).containsExactly("ps");
  }

  @Test
  void soraniLettersMakeSorani() {
    assertThat(codes("گەشت بە قاچاخ بۆ ئەڵمانیا")).containsExactly("ckb");
  }

  @Test
  void urduLettersMakeUrdu() {
    assertThat(codes("کشتی کل صبح نکلے گی، جگہیں کم ہیں")).containsExactly("ur");
  }

  @Test
  void hehDoachashmeeWithoutOtherTellTalesMakesUrdu() {
    assertThat(codes("بھائی بارہ لاکھ کا کام")).containsExactly("ur");
  }

  @Test
  void persianLettersWithoutArabicOnlyLettersMakePersian() {
    assertThat(codes("انتقال مسافر از ترکیه به یونان")).containsExactly("fa");
  }

  @Test
  void arabicScriptWithoutTellTaleLettersIsArabic() {
    assertThat(codes("رحلة بحرية إلى إيطاليا من ليبيا")).containsExactly("ar");
  }

  @Test
  void maghrebiFunctionWordsMakeMaghrebiArabic() {
    assertThat(codes("واش كاين شي بابور لإسبانيا هاد السيمانة؟ بغيت نحرق")).containsExactly("ary");
  }

  @Test
  void ukrainianAndRussianLettersDecideCyrillic() {
    assertThat(codes("Їдемо до Польщі")).containsExactly("uk");
    assertThat(codes("Выезд в Польшу")).containsExactly("ru");
  }

  @Test
  void tigrinyaSyllablesMakeTigrinya() {
    assertThat(codes("ቐልጢፍኩም ደውሉ")).containsExactly("ti");
  }

  @Test
  void ethiopicWithoutTellTaleSyllablesIsJudgedByTheModel() {
    assertThat(codes("ናብ ኢጣልያ ዝኸይድ ጃልባ ኣሎ ዶ? ዋጋ ክንደይ እዩ")).containsExactly("ti");
    assertThat(codes("ወደ ጣሊያን የሚሄድ ጀልባ አለ? ዋጋው ስንት ነው")).containsExactly("am");
  }

  @Test
  void greekAndBengaliHaveOneLanguageEach() {
    assertThat(codes("Βάρκα για Ιταλία")).containsExactly("el");
    assertThat(codes("ইতালি যাওয়ার নৌকা")).containsExactly("bn");
  }

  @Test
  void arabiziDigitsAndFunctionWordsMakeArabizi() {
    assertThat(codes("salam khoya, wach kayn l7erga 3la italia?")).containsExactly("ar-Latn");
  }

  @Test
  void romanUrduFunctionWordsMakeRomanUrdu() {
    assertThat(codes("bhai Greece ka rasta kitne ka hai aur kab nikalna hai?"))
        .containsExactly("ur-Latn");
  }

  @Test
  void vietnameseLettersMakeVietnamese() {
    assertThat(codes("Đi Anh an toàn, bao đậu")).containsExactly("vi");
  }

  @Test
  void latinLanguagesAreToldApartByTheModel() {
    assertThat(codes("Passage garanti vers l'Angleterre, paiement à l'arrivée"))
        .containsExactly("fr");
    assertThat(codes("Viaje en patera a España, salida el lunes")).containsExactly("es");
    assertThat(codes("Yunanistan'a kaçak geçiş, fiyat için yazın")).containsExactly("tr");
    assertThat(codes("Rêwîtiya bi qeyikê ber bi Yewnanistanê")).containsExactly("kmr");
    assertThat(codes("Kalim i sigurt për në Angli, pagesa pas mbërritjes")).containsExactly("sq");
  }

  @Test
  void mixedFrenchAndArabicPostReportsBothByShare() {
    List<DetectedLanguage> found =
        detector.detect(
            "Départ garanti ce week-end depuis Zouara, places limitées.\n"
                + "رحلة مضمونة إلى إيطاليا، الدفع عند الوصول");

    assertThat(found).extracting(DetectedLanguage::code).containsExactly("fr", "ar");
    assertThat(found.get(0).share() + found.get(1).share()).isEqualTo(1.0);
  }

  @Test
  void aNormalisedTextHasTheLanguagesOfItsOriginal() {
    String text =
        "Départ garanti ce week-end depuis Zouara 🚤, places limitées.\n"
            + "رحلة مضمونة إلى إيطاليا، الدفع عند الوصول ٣٠٠٠ يورو";
    List<DetectedLanguage> found =
        detector.detect(Normalizer.normalize(text), Optional.of("ar-LY"));

    assertThat(found).isEqualTo(detector.detect(text, Optional.of("ar-LY")));
    assertThat(found).extracting(DetectedLanguage::code).containsExactly("fr", "ar");
    assertThat(detector.detect(Normalizer.normalize("راه"), Optional.of("prs")))
        .containsExactly(new DetectedLanguage("fa", 1.0, 0.5));
  }

  @Test
  void mixedLatinSentencesKeepTheirOwnLanguages() {
    assertThat(
            codes(
                "The boat leaves on Friday night from the old port, call us now.\n"
                    + "Le bateau part vendredi soir du vieux port, appelez-nous."))
        .containsExactlyInAnyOrder("en", "fr");
  }

  @Test
  void minorityLanguageUnderTheShareThresholdIsDropped() {
    assertThat(codes("رحلة مضمونة إلى إيطاليا من ليبيا والدفع عند الوصول للجميع ok"))
        .containsExactly("ar");
  }

  @Test
  void shortTextFollowsTheHintWhenItNamesALanguageOfItsScript() {
    assertThat(detector.detect("rasta", Optional.of("ur-PK")))
        .containsExactly(new DetectedLanguage("ur-Latn", 1.0, 0.5));
    assertThat(detector.detect("راه", Optional.of("prs")))
        .containsExactly(new DetectedLanguage("fa", 1.0, 0.5));
  }

  @Test
  void shortTextWithoutHintHasLowConfidence() {
    List<DetectedLanguage> found = detector.detect("passage");

    assertThat(found).hasSize(1);
    assertThat(found.get(0).confidence()).isLessThan(0.5);
  }

  @Test
  void hintForAnotherScriptIsIgnored() {
    assertThat(codes("Выезд")).containsExactly("ru");
    assertThat(detector.detect("Βάρκα", Optional.of("tr")))
        .containsExactly(new DetectedLanguage("el", 1.0, 1.0));
  }

  @Test
  void emptyTextAndEmojiOnlyTextHaveNoLanguage() {
    assertThat(detector.detect("")).isEmpty();
    assertThat(detector.detect("🚤🚤 💶 🇮🇹 3500€")).isEmpty();
    assertThat(detector.primary("   ")).isEmpty();
  }

  @Test
  void linksHandlesAndNormaliserTokensAreNotLanguage() {
    assertThat(codes("https://t.me/safe_trip @captain_joe 🚤 رحلة بحرية إلى إيطاليا"))
        .containsExactly("ar");
  }

  @Test
  void lettersOfOtherScriptsAreUndetermined() {
    assertThat(codes("船票很便宜")).containsExactly("und");
  }

  @Test
  void primaryIsTheLargestShare() {
    assertThat(detector.primary("Rêwîtiya bi qeyikê ber bi Yewnanistanê ve, bihayê wê çiqas e?"))
        .contains("kmr");
  }

  @Test
  void detectorKnowsEveryTargetLanguage() {
    assertThat(detector.languages())
        .containsExactlyInAnyOrder(
            "am", "ar", "ar-Latn", "ary", "bn", "ckb", "de", "el", "en", "es", "fa", "fr", "it",
            "kmr", "pl", "ps", "ru", "sq", "ti", "tr", "uk", "ur", "ur-Latn", "vi");
    assertThat(detector.modelVersion()).isEqualTo("1");
  }

  @Test
  void rejectsNullTextAndHint() {
    assertThatThrownBy(() -> detector.detect(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
    assertThatThrownBy(() -> detector.detect("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("languageHint");
  }

  @Test
  void detectedLanguageRejectsShareOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new DetectedLanguage("fr", 0.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("share must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> new DetectedLanguage(" ", 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("language code must not be blank, got ' '");
  }
}

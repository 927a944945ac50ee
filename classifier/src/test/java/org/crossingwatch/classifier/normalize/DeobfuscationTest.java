package org.crossingwatch.classifier.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The normalisation steps that undo obfuscation, each with its map back to the original. */
class DeobfuscationTest {

  @Test
  void collapsesLetterRunsButKeepsLegitimateDoubleLetters() {
    assertThat(Normalizer.normalize("boooat passsssage gaaaame").text())
        .isEqualTo("boat passage game");
    assertThat(Normalizer.normalize("boot passage Schiff Grenzzzzz ferry").text())
        .isEqualTo("boot passage Schiff Grenzz ferry");
    assertThat(Normalizer.normalize("ПАСПОООРТ تهرييييب").text()).isEqualTo("ПАСПОРТ تهريب");
    assertThat(Normalizer.normalize("1000000 !!!!").text()).isEqualTo("1000000 !!!!");
    assertThat(Normalizer.normalize("www.a.net @zzzboat t.me/xxxl").text())
        .isEqualTo("www.a.net @zzzboat t.me/xxxl");
  }

  @Test
  void collapsedRunMapsBackToTheWholeRunOfTheOriginal() {
    NormalizedText text = Normalizer.normalize("a boooat");

    assertThat(text.text()).isEqualTo("a boat");
    assertThat(text.originalRange(2, 6)).containsExactly(2, 8);
    assertThat(text.originalRange(3, 4)).containsExactly(3, 6);
  }

  @Test
  void foldsLookAlikeLettersToTheDominantScriptOfEachWord() {
    // Cyrillic а and о in Latin words; Latin p, a, c in a Cyrillic word; Greek ο in a Latin word.
    assertThat(Normalizer.normalize("pаssp\u043Ert").text()).isEqualTo("passport");
    assertThat(Normalizer.normalize("\u043F\u0061\u0441\u043F\u006F\u0440\u0442").text())
        .isEqualTo("паспорт");
    assertThat(Normalizer.normalize("b\u03BFat to Italy").text()).isEqualTo("boat to Italy");
    assertThat(Normalizer.normalize("βαρκα").text()).isEqualTo("βαρκα");
  }

  @Test
  void leavesWordsOfOneScriptAndMixedTextsAlone() {
    assertThat(Normalizer.normalize("Паспорт for Italy, Ελλάδα ok").text())
        .isEqualTo("Паспорт for Italy, Ελλάδα ok");
  }

  @Test
  void rejoinsSpacedAndDottedLetters() {
    assertThat(Normalizer.normalize("s.m.u.g to UK").text()).isEqualTo("smug to UK");
    assertThat(Normalizer.normalize("s m u g g l i n g").text()).isEqualTo("smuggling");
    assertThat(Normalizer.normalize("F.A.H.R.T ohne").text()).isEqualTo("FAHRT ohne");
    assertThat(Normalizer.normalize("ت ه ر ي ب الى ايطاليا").text()).isEqualTo("تهريب الى ايطاليا");
    assertThat(Normalizer.normalize("p-a-s-s").text()).isEqualTo("pass");
  }

  @Test
  void leavesOrdinarySingleLetterWordsAlone() {
    assertThat(Normalizer.normalize("il y a un bateau, i w domu").text())
        .isEqualTo("il y a un bateau, i w domu");
    assertThat(Normalizer.normalize("U.K. visa").text()).isEqualTo("U.K. visa");
  }

  @Test
  void rejoinedLettersMapBackToTheOriginalSpan() {
    NormalizedText text = Normalizer.normalize("go s.m.u.g now");

    assertThat(text.text()).isEqualTo("go smug now");
    assertThat(text.originalRange(3, 7)).containsExactly(3, 10);
    assertThat(text.original().substring(3, 10)).isEqualTo("s.m.u.g");
  }
}

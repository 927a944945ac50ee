package org.crossingwatch.classifier.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Each field's analysis, on native-script input, down to the exact tokens. */
class LanguageAnalysisTest {

  @Test
  void arabicUnifiesLettersAndStripsArticleAndClitics() {
    assertThat(tokens("ar", "والتهريب إلى إيطاليا بالقوارب"))
        .containsExactly("تهريب", "ال", "ايطاليا", "قوارب");
  }

  @Test
  void arabizaTextPassesThroughTheArabicFieldFoldedWithFrenchElision() {
    assertThat(tokens("ar", "L'Europe 7arga madmouna"))
        .containsExactly("europe", "7arga", "madmouna");
  }

  @Test
  void persianUnifiesYehAndKehehWithoutStemming() {
    assertThat(tokens("fa", "قاچاقچیان از مرزها با کشتی"))
        .containsExactly("قاچاقچيان", "از", "مرزها", "با", "كشتي");
  }

  @Test
  void soraniNormalisesThenStemsTheDefiniteSuffix() {
    assertThat(tokens("ckb", "قاچاخچییەکان بۆ ئەوروپا"))
        .containsExactly("قاچاخچييەك", "بۆ", "يەوروپا");
  }

  @Test
  void pashtoAndUrduAreFoldedAndUnifiedWithoutStemming() {
    assertThat(tokens("ps", "ټیکټ او کښتۍ ته")).containsExactly("ټيكټ", "او", "كښتۍ", "ته");
    assertThat(tokens("ur", "کشتی سے یونان")).containsExactly("كشتي", "سي", "يونان");
  }

  @Test
  void turkishLowerCasesDottedCapitalsAndDropsApostropheSuffixes() {
    assertThat(tokens("tr", "İzmir'den YUNANİSTAN'a garantili geçiş"))
        .containsExactly("izmir", "yunanistan", "garantili", "gecis");
  }

  @Test
  void latinWordsWithDigitsForLettersAlsoGetTheirLetterSpelling() {
    assertThat(tokens("fr", "B4TEAU d3part, passep0rts 3k5"))
        .containsExactly("b4teau", "bateau", "d3part", "depart", "pasep0rt", "paseport", "3k5");
    assertThat(tokens("tr", "B0T bu g3ce, k0ntr0l y0k 5OO $"))
        .containsExactly(
            "b0t", "bot", "bu", "g3ce", "gece", "k0ntr0l", "kontrol", "y0k", "yok", "5oo", "soo");
    assertThat(tokens("sq", "K4LIM p4 k0ntroll, covid19 24h"))
        .containsExactly("k4lim", "kalim", "p4", "k0ntroll", "kontroll", "covid19", "24h");
  }

  @Test
  void arabiziDigitsStayArabicLettersNotLeetspeak() {
    assertThat(tokens("ar-Latn", "7arga m3a l'Europe")).containsExactly("7arga", "m3a", "europe");
  }

  @Test
  void englishDropsPossessivesAndPlurals() {
    assertThat(tokens("en", "Smugglers' boats to Britain's coast"))
        .containsExactly("smuggler", "boat", "to", "britain", "coast");
  }

  @Test
  void frenchDropsElidedArticlesAccentsAndEndings() {
    assertThat(tokens("fr", "L'Angleterre par camions, départ garanti"))
        .containsExactly("angleter", "par", "camion", "depart", "garanti");
  }

  @Test
  void spanishFoldsAndStemsLightly() {
    assertThat(tokens("es", "Pateras hacia España, salidas garantizadas"))
        .containsExactly("pater", "haci", "espan", "salid", "garantizad");
  }

  @Test
  void italianDropsElidedArticlesAndStemsLightly() {
    assertThat(tokens("it", "Dall'Albania all'Italia con gommoni"))
        .containsExactly("alban", "ital", "con", "gommon");
  }

  @Test
  void germanFoldsUmlautsAndSharpSAndStemsLightly() {
    assertThat(tokens("de", "Schleuser über die Grenze nach Großbritannien"))
        .containsExactly("schleus", "uber", "die", "grenz", "nach", "grossbritanni");
  }

  @Test
  void russianStemsBeforeFolding() {
    assertThat(tokens("ru", "Перевозчики через границу, гарантия"))
        .containsExactly("перевозчик", "через", "границ", "гарант");
  }

  @Test
  void ukrainianAndPolishAreFoldedOnly() {
    assertThat(tokens("uk", "Гарантовано перетин кордону"))
        .containsExactly("гарантовано", "перетин", "кордону");
    assertThat(tokens("pl", "Przemytnicy przez granicę, gwarancja"))
        .containsExactly("przemytnicy", "przez", "granice", "gwarancja");
  }

  @Test
  void greekDropsTonosAndStems() {
    assertThat(tokens("el", "Διακινητές στα σύνορα της Ελλάδας"))
        .containsExactly("διακινητ", "στα", "συνορ", "τησ", "ελλαδ");
  }

  @Test
  void bengaliNormalisesAndStemsWithoutFoldingAwayTheHasanta() {
    assertThat(tokens("bn", "দালালরা ইতালি যাও\u09DFার ব্যবস্থা করে"))
        // য় is the precomposed U+09DF in and out.
        .containsExactly("দালাল", "ইতা", "যাও\u09DFার", "বেবস্থ", "কর");
  }

  @Test
  void vietnameseAlbanianAndKurmanjiLoseTheirDiacritics() {
    assertThat(tokens("vi", "Đưa người qua biên giới"))
        .containsExactly("dua", "nguoi", "qua", "bien", "gioi");
    assertThat(tokens("sq", "Kalim në Itali me gomone"))
        .containsExactly("kalim", "ne", "itali", "me", "gomone");
    assertThat(tokens("kmr", "Derbasbûna sînor bi garantî"))
        .containsExactly("derbasbuna", "sinor", "bi", "garanti");
  }

  @Test
  void amharicAndTigrinyaKeepEthiopicSyllables() {
    assertThat(tokens("am", "ለቤተሰብ ቅናሽ ቦታ ብቻ ቀርቷል"))
        .containsExactly("ለቤተሰብ", "ቅናሽ", "ቦታ", "ብቻ", "ቀርቷል");
    assertThat(tokens("ti", "ናብ ሊብያ ብጀልባ")).containsExactly("ናብ", "ሊብያ", "ብጀልባ");
  }

  @Test
  void neutralFieldKeepsOnlyNumbersAndSymbolTokens() {
    assertThat(
            fieldTokens(
                PostFields.NEUTRAL_FIELD,
                "emoji_boat 3000 currency_eur to Lampedusa flag_it 1.500"))
        .containsExactly("emoji_boat", "3000", "currency_eur", "flag_it", "1.500");
  }

  @Test
  void fallbackFieldFoldsEveryScriptAtOnce() {
    assertThat(fieldTokens(PostFields.FALLBACK_FIELD, "L'Angleterre والتهريب Пограничники"))
        .containsExactly("angleterre", "تهريب", "пограничники");
  }

  @Test
  void everyLanguageWithItsOwnAnalysisHasTheFieldOfItsChain() {
    assertThat(PostFields.languages())
        .containsExactlyInAnyOrder(
            "ar", "ary", "fa", "ps", "ur", "ckb", "tr", "en", "fr", "es", "it", "de", "ru", "el",
            "bn", "uk", "pl", "sq", "vi", "kmr", "am", "ti");
    Map<String, List<String>> languagesByField = new TreeMap<>();
    PostFields.languages()
        .forEach(
            language ->
                languagesByField
                    .computeIfAbsent(PostFields.fieldOf(language), f -> new ArrayList<>())
                    .add(language));
    assertThat(languagesByField)
        .hasToString(
            "{text=[ar, ary], text_arabic=[fa, ps, ur], text_bn=[bn], text_ckb=[ckb],"
                + " text_de=[de], text_el=[el], text_en=[en], text_es=[es], text_folded=[uk, pl,"
                + " sq, vi, kmr, am, ti], text_fr=[fr], text_it=[it], text_ru=[ru],"
                + " text_tr=[tr]}");
    assertThat(PostFields.fieldOf("any")).isEqualTo(PostFields.FALLBACK_FIELD);
    assertThat(PostFields.fieldOf("hi")).isEqualTo(PostFields.FALLBACK_FIELD);
    assertThat(PostFields.routingValue("hi")).isEqualTo(PostFields.ANY);
  }

  private static List<String> tokens(String language, String text) {
    return fieldTokens(PostFields.fieldOf(language), text);
  }

  private static List<String> fieldTokens(String field, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = PostFields.analyzer().tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new AssertionError("analysing '" + text + "' in " + field, e);
    }
    return tokens;
  }
}

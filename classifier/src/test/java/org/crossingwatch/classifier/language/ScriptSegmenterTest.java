package org.crossingwatch.classifier.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScriptSegmenterTest {
  @Test
  void splitsRunsWhereTheScriptChanges() {
    String text = "Boat to Italy رحلة بحرية";

    assertThat(ScriptSegmenter.segment(text))
        .containsExactly(
            new ScriptRun(Script.LATIN, 0, 13, 11), new ScriptRun(Script.ARABIC, 14, 24, 9));
  }

  @Test
  void keepsArabiziDigitsWithTheirLatinWord() {
    String text = "سلام 3la l7a9";

    assertThat(ScriptSegmenter.segment(text))
        .containsExactly(
            new ScriptRun(Script.ARABIC, 0, 4, 4), new ScriptRun(Script.LATIN, 5, 13, 4));
  }

  @Test
  void startsANewRunAfterEachSentenceOrLine() {
    String text = "Départ demain. Boat tomorrow\nΒάρκα αύριο";

    assertThat(ScriptSegmenter.segment(text))
        .containsExactly(
            new ScriptRun(Script.LATIN, 0, 13, 12),
            new ScriptRun(Script.LATIN, 15, 28, 12),
            new ScriptRun(Script.GREEK, 29, 40, 10));
  }

  @Test
  void tellsEthiopicBengaliAndCyrillicApart() {
    assertThat(ScriptSegmenter.segment("ጃልባ নৌকা лодка"))
        .extracting(ScriptRun::script)
        .containsExactly(Script.ETHIOPIC, Script.BENGALI, Script.CYRILLIC);
  }

  @Test
  void putsScriptsWithoutATargetLanguageInOther() {
    assertThat(ScriptSegmenter.segment("船 boat"))
        .containsExactly(
            new ScriptRun(Script.OTHER, 0, 1, 1), new ScriptRun(Script.LATIN, 2, 6, 4));
  }

  @Test
  void findsNoRunInTextWithoutLetters() {
    assertThat(ScriptSegmenter.segment("")).isEmpty();
    assertThat(ScriptSegmenter.segment("🚤 3500 € +90 555 123 45 67 !!!")).isEmpty();
  }

  @Test
  void rejectsNullText() {
    assertThatThrownBy(() -> ScriptSegmenter.segment(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
  }

  @Test
  void runRejectsMoreLettersThanChars() {
    assertThatThrownBy(() -> new ScriptRun(Script.LATIN, 2, 4, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("letters must be between 0 and the run length 2, got 3");
  }
}

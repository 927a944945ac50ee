package org.crossingwatch.classifier.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Accuracy on posts written apart from the training text, per language and overall. */
class HeldOutAccuracyTest {
  @Test
  void everyLanguageIsRecognisedOnHeldOutPosts() throws IOException {
    LanguageAccuracy.Table table =
        LanguageAccuracy.evaluate(LanguageDetector.shipped(), LanguageAccuracy.heldOut());

    assertThat(table.byCode().keySet())
        .containsExactlyInAnyOrderElementsOf(LanguageDetector.shipped().languages());
    assertThat(table.overall()).as(table.format()).isGreaterThanOrEqualTo(0.95);
    for (String code : table.byCode().keySet()) {
      assertThat(table.accuracy(code))
          .as(code + "\n" + table.format())
          .isGreaterThanOrEqualTo(0.85);
    }
  }
}

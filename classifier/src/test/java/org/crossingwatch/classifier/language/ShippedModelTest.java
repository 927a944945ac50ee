package org.crossingwatch.classifier.language;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ShippedModelTest {
  private static final Path TRAINING =
      Path.of("src/test/resources/org/crossingwatch/classifier/language/training");

  @Test
  void shippedModelIsExactlyWhatTheTrainingTextGives() throws IOException {
    String shipped;
    try (InputStream in =
        new GZIPInputStream(
            LanguageDetector.class.getResourceAsStream(LanguageDetector.MODEL_RESOURCE))) {
      shipped = new String(in.readAllBytes(), UTF_8);
    }

    assertThat(shipped)
        .as("retrain with LanguageModelTrainer (see its Javadoc)")
        .isEqualTo(LanguageModelTrainer.train(TRAINING));
  }

  @Test
  void shippedModelIsSmall() throws IOException {
    try (InputStream in =
        LanguageDetector.class.getResourceAsStream(LanguageDetector.MODEL_RESOURCE)) {
      assertThat(in.readAllBytes().length).isLessThan(2 * 1024 * 1024);
    }
  }

  @Test
  void modelWithAnUnknownRecordIsRejectedWithItsLine() {
    byte[] model =
        LanguageModelTrainer.gzip("crossingwatch-langid\t1\nlang\tfr\tLATIN\t1\t2\t3\t4\noops\n");

    assertThatThrownBy(() -> LanguageDetector.of(new ByteArrayInputStream(model), "bad.tsv.gz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Language model 'bad.tsv.gz' line 3 is not a 'lang' or 'ng' record: 'oops'");
  }

  @Test
  void fileWithoutTheHeaderIsRejected() {
    byte[] model = LanguageModelTrainer.gzip("lang\tfr\tLATIN\t1\t2\t3\t4\n");

    assertThatThrownBy(() -> LanguageDetector.of(new ByteArrayInputStream(model), "bad.tsv.gz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Language model 'bad.tsv.gz' does not start with 'crossingwatch-langid<TAB>version'");
  }
}

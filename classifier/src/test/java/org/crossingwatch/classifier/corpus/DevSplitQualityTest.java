package org.crossingwatch.classifier.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.evaluation.LabelledCorpus;
import org.crossingwatch.classifier.evaluation.LabelledPost;
import org.crossingwatch.classifier.evaluation.QualityReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules and scoring model on the dev split, which nothing is tuned on. The floors are
 * the quality reached so far (P 0.919, R 0.877, F1 0.898, per large language F1 ≥ 0.842, 5.8% of
 * hard negatives flagged, obfuscated recall 0.907), rounded down a little, so a regression fails
 * the build. The targets that are not met yet (F1 and precision 0.92, F1 0.85 per large
 * language, at most 5% of hard negatives flagged) are to replace them as the rule packs grow; the
 * obfuscated-recall target (0.85) is met.
 */
class DevSplitQualityTest {
  private static final double MIN_F1 = 0.89;
  private static final double MIN_PRECISION = 0.91;
  private static final double MIN_LANGUAGE_F1 = 0.83;
  private static final int LARGE_LANGUAGE_POSTS = 20;
  private static final double MAX_HARD_NEGATIVES_FLAGGED = 0.06;
  private static final double MIN_OBFUSCATED_RECALL = 0.88;

  private static QualityReport report;

  @BeforeAll
  static void evaluateTheDevSplit() throws Exception {
    LabelledCorpus dev = LabelledCorpus.read(ProjectFiles.corpus().resolve("dev.jsonl"));
    assertThat(dev.problems()).isEmpty();
    List<QualityReport.Outcome> outcomes = new ArrayList<>();
    try (Classifier classifier = Classifier.fromRuleDirectory(ProjectFiles.rules())) {
      for (LabelledPost post : dev.posts()) {
        outcomes.add(new QualityReport.Outcome(post, classifier.classify(post.toPost())));
      }
    }
    report = QualityReport.of(outcomes);
  }

  @Test
  void devSplitKeepsOverallPrecisionAndF1() {
    assertThat(report.overall().posts()).isGreaterThanOrEqualTo(300);
    assertThat(report.overall().f1()).as(report.markdown()).isGreaterThanOrEqualTo(MIN_F1);
    assertThat(report.overall().precision())
        .as(report.markdown())
        .isGreaterThanOrEqualTo(MIN_PRECISION);
  }

  @Test
  void everyLargeLanguageKeepsItsF1() {
    List<QualityReport.Metrics> large =
        report.byLanguage().stream().filter(m -> m.posts() >= LARGE_LANGUAGE_POSTS).toList();

    assertThat(large).extracting(QualityReport.Metrics::group).contains("ar", "en", "fa", "fr");
    assertThat(large)
        .as(report.markdown())
        .allSatisfy(m -> assertThat(m.f1()).as(m.group()).isGreaterThanOrEqualTo(MIN_LANGUAGE_F1));
  }

  @Test
  void fewHardNegativesAreFlagged() {
    assertThat(report.hardNegatives().posts()).isGreaterThan(100);
    assertThat(report.hardNegatives().flaggedNegatives())
        .as(report.markdown())
        .isLessThanOrEqualTo(MAX_HARD_NEGATIVES_FLAGGED);
  }

  @Test
  void obfuscatedOffersAreFound() {
    assertThat(report.obfuscatedOffers().offers()).isGreaterThan(30);
    assertThat(report.obfuscatedOffers().recall())
        .as(report.markdown())
        .isGreaterThanOrEqualTo(MIN_OBFUSCATED_RECALL);
  }
}

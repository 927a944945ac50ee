package org.crossingwatch.classifier.scoring;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.evaluation.LabelledCorpus;
import org.crossingwatch.classifier.evaluation.LabelledPost;

/**
 * Learns a {@link ScoringModel} from labelled posts: each post is classified with the given
 * classifier to get its {@link Features}, then {@link LogisticRegression} fits the weights.
 */
public final class ModelTrainer {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private ModelTrainer() {}

  /**
   * Trains a model.
   *
   * @param classifier supplies the rules, language detection and entities; its own model is not
   *     used
   * @param corpus the training posts; must not be empty
   * @param regression the fitting parameters
   * @param threshold the alert threshold written into the model, in [0,1]
   * @param clock gives the training date
   * @return the model, versioned {@code scoring-v1-<yyyyMMdd>-<first 8 hex of the corpus hash>}
   * @throws IllegalArgumentException if the corpus has no posts
   */
  public static ScoringModel train(
      Classifier classifier,
      LabelledCorpus corpus,
      LogisticRegression regression,
      double threshold,
      Clock clock) {
    requireNonNull(classifier, "classifier");
    requireNonNull(corpus, "corpus");
    requireNonNull(regression, "regression");
    requireNonNull(clock, "clock");
    List<Map<String, Double>> examples = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (LabelledPost post : corpus.posts()) {
      examples.add(classifier.explain(post.toPost()).features());
      labels.add(post.label());
    }
    double[] fitted = regression.fit(examples, labels);
    List<Double> weights = new ArrayList<>();
    for (int i = 1; i < fitted.length; i++) {
      weights.add(round(fitted[i]));
    }
    var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new ScoringModel(
        ScoringModel.FORMAT_VERSION,
        "scoring-v1-" + DAY.format(now) + "-" + corpus.sha256().substring(0, 8),
        now.toString(),
        corpus.sha256(),
        corpus.posts().size(),
        regression.l2(),
        round(fitted[0]),
        threshold,
        Features.NAMES,
        weights);
  }

  /** Six decimals: enough for scoring, short enough to read and diff. */
  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}

package org.crossingwatch.classifier;

import static java.util.Objects.requireNonNull;

import org.crossingwatch.classifier.scoring.ScoringModel;

/**
 * How the classifier turns a post's features into a decision.
 *
 * @param alertThreshold a post alerts when its score is at least this, in [0,1]
 * @param model the scoring model; {@link ScoringModel#shipped()} by default
 */
public record ClassifierSettings(double alertThreshold, ScoringModel model) {
  /** The threshold the shipped model is trained for, and the default alert threshold. */
  public static final double DEFAULT_ALERT_THRESHOLD = 0.5;

  public ClassifierSettings {
    if (!(alertThreshold >= 0.0 && alertThreshold <= 1.0)) {
      throw new IllegalArgumentException("alertThreshold must be in [0,1], was " + alertThreshold);
    }
    requireNonNull(model, "model");
  }

  /** The shipped model at its own threshold. */
  public static ClassifierSettings defaults() {
    return of(ScoringModel.shipped());
  }

  /** A model at its own threshold. */
  public static ClassifierSettings of(ScoringModel model) {
    return new ClassifierSettings(requireNonNull(model, "model").threshold(), model);
  }

  /** A copy with another alert threshold. */
  public ClassifierSettings withAlertThreshold(double threshold) {
    return new ClassifierSettings(threshold, model);
  }

  /** A copy with another model, keeping this threshold. */
  public ClassifierSettings withModel(ScoringModel newModel) {
    return new ClassifierSettings(alertThreshold, newModel);
  }
}

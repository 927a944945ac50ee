package org.crossingwatch.classifier;

import static java.util.Objects.requireNonNull;

import org.crossingwatch.classifier.scoring.ScoringModel;

/**
 * How the classifier matches rules and turns a post's features into a decision.
 *
 * @param alertThreshold a post alerts when its score is at least this, in [0,1]
 * @param model the scoring model; {@link ScoringModel#shipped()} by default
 * @param routing which rules each post is checked against; {@link #DEFAULT_ROUTING} by default
 */
public record ClassifierSettings(
    double alertThreshold, ScoringModel model, LanguageRouting routing) {
  /** The threshold the shipped model is trained for, and the default alert threshold. */
  public static final double DEFAULT_ALERT_THRESHOLD = 0.5;

  /**
   * Every rule against every post, for now: the shipped rule packs and model rely on rules that
   * match posts in other languages (emoji clauses, shared place names).
   */
  public static final LanguageRouting DEFAULT_ROUTING = LanguageRouting.ALL_LANGUAGES;

  public ClassifierSettings {
    if (!(alertThreshold >= 0.0 && alertThreshold <= 1.0)) {
      throw new IllegalArgumentException("alertThreshold must be in [0,1], was " + alertThreshold);
    }
    requireNonNull(model, "model");
    requireNonNull(routing, "routing");
  }

  /** With the {@link #DEFAULT_ROUTING}. */
  public ClassifierSettings(double alertThreshold, ScoringModel model) {
    this(alertThreshold, model, DEFAULT_ROUTING);
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
    return new ClassifierSettings(threshold, model, routing);
  }

  /** A copy with another model, keeping this threshold. */
  public ClassifierSettings withModel(ScoringModel newModel) {
    return new ClassifierSettings(alertThreshold, newModel, routing);
  }

  /** A copy with another language routing. */
  public ClassifierSettings withRouting(LanguageRouting newRouting) {
    return new ClassifierSettings(alertThreshold, model, newRouting);
  }
}

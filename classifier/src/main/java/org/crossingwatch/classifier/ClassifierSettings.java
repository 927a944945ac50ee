package org.crossingwatch.classifier;

/**
 * How the classifier turns rule hits into a decision.
 *
 * @param alertThreshold a post alerts when its score is at least this, in [0,1]; default {@value
 *     #DEFAULT_ALERT_THRESHOLD}
 * @param bias the log-odds of a post that matches no rule; default {@value #DEFAULT_BIAS}, that is
 *     a score of about 0.05
 */
public record ClassifierSettings(double alertThreshold, double bias) {
  /** Default alert threshold. */
  public static final double DEFAULT_ALERT_THRESHOLD = 0.7;

  /** Default bias (log-odds with no evidence). */
  public static final double DEFAULT_BIAS = -3.0;

  public ClassifierSettings {
    if (!(alertThreshold >= 0.0 && alertThreshold <= 1.0)) {
      throw new IllegalArgumentException("alertThreshold must be in [0,1], was " + alertThreshold);
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias must be finite, was " + bias);
    }
  }

  /** Threshold {@value #DEFAULT_ALERT_THRESHOLD}, bias {@value #DEFAULT_BIAS}. */
  public static ClassifierSettings defaults() {
    return new ClassifierSettings(DEFAULT_ALERT_THRESHOLD, DEFAULT_BIAS);
  }

  /** A copy with another alert threshold. */
  public ClassifierSettings withAlertThreshold(double threshold) {
    return new ClassifierSettings(threshold, bias);
  }

  /** A copy with another bias. */
  public ClassifierSettings withBias(double newBias) {
    return new ClassifierSettings(alertThreshold, newBias);
  }
}

package org.crossingwatch.classifier.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossingwatch.model.RuleHit;

/**
 * The transparent scoring model: {@code log-odds = bias + Σ per category of the strongest matched
 * weight}, {@code score = 1 / (1 + e^-logOdds)}. "Strongest" is the weight of largest magnitude, so
 * within a positive category it is the highest weight and within a negative one the most negative;
 * a category counts once however many of its rules match. Thread-safe and immutable.
 */
public final class LogOddsScorer {
  /** Key of the bias in {@link Score#contributions()}. */
  public static final String BIAS = "bias";

  private final double bias;

  public LogOddsScorer(double bias) {
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias must be finite, was " + bias);
    }
    this.bias = bias;
  }

  /**
   * The score for a post's rule hits.
   *
   * @param hits the matched rules; may be empty (the score is then the bias alone)
   */
  public Score score(List<RuleHit> hits) {
    Map<String, Double> strongest = new LinkedHashMap<>();
    for (RuleHit hit : hits) {
      strongest.merge(
          hit.category(),
          hit.weight(),
          (a, b) -> Math.abs(b) > Math.abs(a) || (Math.abs(b) == Math.abs(a) && b > a) ? b : a);
    }
    Map<String, Double> contributions = new LinkedHashMap<>();
    contributions.put(BIAS, bias);
    contributions.putAll(strongest);
    double logOdds = contributions.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Score(logOdds, logistic(logOdds), contributions);
  }

  private static double logistic(double logOdds) {
    return 1.0 / (1.0 + Math.exp(-logOdds));
  }

  /**
   * A post's score.
   *
   * @param logOdds the sum of {@code contributions}
   * @param probability the logistic of {@code logOdds}, in [0,1]
   * @param contributions {@value #BIAS} and then each matched category with its contribution
   */
  public record Score(double logOdds, double probability, Map<String, Double> contributions) {
    public Score {
      contributions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
    }
  }
}

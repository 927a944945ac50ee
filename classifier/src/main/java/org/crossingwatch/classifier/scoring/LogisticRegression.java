package org.crossingwatch.classifier.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Plain L2-regularised logistic regression fitted by full-batch gradient descent: small, exact
 * enough for a few dozen features and a few thousand posts, and free of any ML library. The bias is
 * not penalised. Deterministic: the same data give the same weights.
 *
 * @param l2 the penalty {@code λ} in {@code mean log-loss + λ/2 · Σ w²}, at least 0
 * @param learningRate the gradient step, greater than 0
 * @param iterations how many full passes, at least 1
 */
public record LogisticRegression(double l2, double learningRate, int iterations) {
  public LogisticRegression {
    if (!(l2 >= 0) || !Double.isFinite(l2)) {
      throw new IllegalArgumentException("l2 must be finite and >= 0, was " + l2);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "learningRate must be finite and > 0, was " + learningRate);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
    }
  }

  /**
   * λ = 0.001 (chosen by 5-fold cross-validation on the training split), step 0.1, 20,000 passes.
   */
  public static LogisticRegression defaults() {
    return new LogisticRegression(0.001, 0.1, 20_000);
  }

  /**
   * Fits weights to labelled examples.
   *
   * @param examples feature values per example, by name (missing names count as 0)
   * @param labels 1 for a positive example, 0 for a negative one; same size as {@code examples}
   * @return the bias followed by one weight per name of {@link Features#NAMES}
   * @throws IllegalArgumentException if the sizes differ, there are no examples, or a label is
   *     neither 0 nor 1
   */
  public double[] fit(List<Map<String, Double>> examples, List<Integer> labels) {
    requireNonNull(examples, "examples");
    requireNonNull(labels, "labels");
    if (examples.size() != labels.size()) {
      throw new IllegalArgumentException(
          examples.size() + " examples but " + labels.size() + " labels; they must pair up");
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to learn from");
    }
    List<String> names = Features.NAMES;
    int n = examples.size();
    int d = names.size();
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = examples.get(i).getOrDefault(names.get(j), 0.0);
      }
      int label = labels.get(i);
      if (label != 0 && label != 1) {
        throw new IllegalArgumentException("label " + i + " must be 0 or 1, was " + label);
      }
      y[i] = label;
    }
    double[] w = new double[d + 1]; // w[0] is the bias
    double[] gradient = new double[d + 1];
    for (int pass = 0; pass < iterations; pass++) {
      java.util.Arrays.fill(gradient, 0.0);
      for (int i = 0; i < n; i++) {
        double z = w[0];
        for (int j = 0; j < d; j++) {
          z += w[j + 1] * x[i][j];
        }
        double error = ScoringModel.logistic(z) - y[i];
        gradient[0] += error;
        for (int j = 0; j < d; j++) {
          gradient[j + 1] += error * x[i][j];
        }
      }
      w[0] -= learningRate * gradient[0] / n;
      for (int j = 1; j <= d; j++) {
        w[j] -= learningRate * (gradient[j] / n + l2 * w[j]);
      }
    }
    return w;
  }
}

package org.crossingwatch.classifier.scoring;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossingwatch.model.Json;

/**
 * A logistic scoring model as shipped in a versioned JSON file: {@code log-odds = bias + Σ weight_i
 * × feature_i} over the {@link Features}, {@code score = 1 / (1 + e^-logOdds)}.
 *
 * <p>The file (see {@code scoring-v1.json} next to this class) holds every component below; a model
 * that names fewer features than {@link Features#NAMES} gives the others weight 0.
 *
 * @param formatVersion the file format, {@value #FORMAT_VERSION}
 * @param version the model's own version, for example {@code scoring-v1-20250310}
 * @param trainedAt when it was trained (ISO-8601), or {@code untrained}
 * @param corpusSha256 hex SHA-256 of the training file, or {@code none}
 * @param trainingPosts how many posts it was trained on
 * @param l2 the L2 penalty it was trained with
 * @param bias the log-odds of a post with every feature 0
 * @param threshold the alert threshold it was tuned for, in [0,1]
 * @param features feature names, each one of {@link Features#NAMES}, no repeats
 * @param weights one finite weight per feature, in the same order
 */
public record ScoringModel(
    int formatVersion,
    String version,
    String trainedAt,
    String corpusSha256,
    int trainingPosts,
    double l2,
    double bias,
    double threshold,
    List<String> features,
    List<Double> weights) {

  /** The only format this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** The shipped model's class-path resource, next to this class's package folder. */
  public static final String SHIPPED_RESOURCE =
      "/org/crossingwatch/classifier/model/scoring-v1.json";

  /** Key of the bias in {@link Score#contributions()}. */
  public static final String BIAS = "bias";

  public ScoringModel {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "model formatVersion must be " + FORMAT_VERSION + ", was " + formatVersion);
    }
    requireNonNull(version, "version");
    requireNonNull(trainedAt, "trainedAt");
    requireNonNull(corpusSha256, "corpusSha256");
    requireNonNull(features, "features");
    requireNonNull(weights, "weights");
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("model bias must be finite, was " + bias);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("model threshold must be in [0,1], was " + threshold);
    }
    if (features.size() != weights.size()) {
      throw new IllegalArgumentException(
          "model has "
              + features.size()
              + " features but "
              + weights.size()
              + " weights; they must pair up");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < features.size(); i++) {
      String name = features.get(i);
      if (!Features.NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "model feature '" + name + "' is not one of " + Features.NAMES);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("model feature '" + name + "' is listed twice");
      }
      Double weight = weights.get(i);
      if (weight == null || !Double.isFinite(weight)) {
        throw new IllegalArgumentException(
            "model weight of '" + name + "' must be finite, was " + weight);
      }
    }
    features = List.copyOf(features);
    weights = List.copyOf(weights);
  }

  /**
   * The untrained model the rules alone define: weight 1 on each category's strongest rule weight,
   * 0 on everything else, so the log-odds are {@code bias + Σ strongest rule weight per category}.
   *
   * @param bias log-odds with no matched rule
   * @param threshold alert threshold
   */
  public static ScoringModel ruleWeights(double bias, double threshold) {
    List<String> names = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (org.crossingwatch.classifier.rules.Category category :
        org.crossingwatch.classifier.rules.Category.values()) {
      names.add(category.id());
      weights.add(1.0);
    }
    return new ScoringModel(
        FORMAT_VERSION, "rule-weights", "untrained", "none", 0, 0, bias, threshold, names, weights);
  }

  /**
   * The model shipped in this jar ({@value #SHIPPED_RESOURCE}), read once per JVM.
   *
   * @throws IllegalStateException naming the resource if it is missing or malformed
   */
  public static ScoringModel shipped() {
    return Shipped.MODEL;
  }

  /**
   * Reads a model file.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file if it is not a valid model
   */
  public static ScoringModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  static ScoringModel read(InputStream in, String name) throws IOException {
    try {
      return Json.mapper().readValue(in, ScoringModel.class);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(
          "Invalid scoring model " + name + ": " + cause.getMessage(), e);
    }
  }

  /** Writes this model as indented JSON, creating parent folders. */
  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n");
  }

  /** The weight of one feature; 0 for a feature this model does not list. */
  public double weight(String feature) {
    int i = features.indexOf(feature);
    return i < 0 ? 0.0 : weights.get(i);
  }

  /** A copy with another alert threshold. */
  public ScoringModel withThreshold(double newThreshold) {
    return new ScoringModel(
        formatVersion,
        version,
        trainedAt,
        corpusSha256,
        trainingPosts,
        l2,
        bias,
        newThreshold,
        features,
        weights);
  }

  /**
   * Scores feature values.
   *
   * @param values feature values by name (as {@link Features#of} gives them); names the model does
   *     not list are ignored, features it lists but {@code values} lacks count as 0
   * @return the score, with {@value #BIAS} and each feature whose contribution is not 0
   */
  public Score score(Map<String, Double> values) {
    requireNonNull(values, "values");
    Map<String, Double> contributions = new LinkedHashMap<>();
    contributions.put(BIAS, bias);
    double logOdds = bias;
    for (int i = 0; i < features.size(); i++) {
      double value = values.getOrDefault(features.get(i), 0.0);
      double contribution = weights.get(i) * value;
      if (contribution != 0.0) {
        contributions.put(features.get(i), contribution);
        logOdds += contribution;
      }
    }
    return new Score(logOdds, logistic(logOdds), contributions);
  }

  static double logistic(double logOdds) {
    return 1.0 / (1.0 + Math.exp(-logOdds));
  }

  /**
   * A post's score.
   *
   * @param logOdds the sum of {@code contributions}
   * @param probability the logistic of {@code logOdds}, in [0,1]
   * @param contributions {@value #BIAS}, then each feature's weight × value where not 0
   */
  public record Score(double logOdds, double probability, Map<String, Double> contributions) {
    public Score {
      contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
    }
  }

  private static final class Shipped {
    static final ScoringModel MODEL = load();

    private static ScoringModel load() {
      try (InputStream in = ScoringModel.class.getResourceAsStream(SHIPPED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "Scoring model resource " + SHIPPED_RESOURCE + " is missing");
        }
        return read(in, SHIPPED_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read scoring model " + SHIPPED_RESOURCE, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }
}

package org.crossingwatch.classifier.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.crossingwatch.model.Verdict;

/**
 * How well verdicts agree with labels: precision, recall and F1 overall, per language and per kind,
 * the share of hard negatives flagged, the recall on obfuscated offers, and every mistake.
 *
 * @param overall all posts
 * @param byLanguage one row per labelled {@code lang} ({@code ?} when absent), sorted
 * @param byKind one row per labelled {@code kind} ({@code ?} when absent), sorted
 * @param hardNegatives the hard negatives (every negative but small talk)
 * @param obfuscatedOffers the offers labelled obfuscated
 * @param falsePositives negatives that alerted, in input order
 * @param falseNegatives offers that did not alert, in input order
 */
public record QualityReport(
    Metrics overall,
    List<Metrics> byLanguage,
    List<Metrics> byKind,
    Metrics hardNegatives,
    Metrics obfuscatedOffers,
    List<Outcome> falsePositives,
    List<Outcome> falseNegatives) {

  public QualityReport {
    requireNonNull(overall, "overall");
    byLanguage = List.copyOf(byLanguage);
    byKind = List.copyOf(byKind);
    requireNonNull(hardNegatives, "hardNegatives");
    requireNonNull(obfuscatedOffers, "obfuscatedOffers");
    falsePositives = List.copyOf(falsePositives);
    falseNegatives = List.copyOf(falseNegatives);
  }

  /**
   * Computes the report.
   *
   * @param outcomes each labelled post with the verdict it got; may be empty
   */
  public static QualityReport of(List<Outcome> outcomes) {
    requireNonNull(outcomes, "outcomes");
    List<Outcome> falsePositives = new ArrayList<>();
    List<Outcome> falseNegatives = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (outcome.alert() && !outcome.post().offer()) {
        falsePositives.add(outcome);
      } else if (!outcome.alert() && outcome.post().offer()) {
        falseNegatives.add(outcome);
      }
    }
    return new QualityReport(
        Metrics.of("all", outcomes),
        grouped(outcomes, o -> o.post().lang().orElse("?")),
        grouped(outcomes, o -> o.post().kind().orElse("?")),
        Metrics.of(
            "hard negatives", outcomes.stream().filter(o -> o.post().hardNegative()).toList()),
        Metrics.of(
            "obfuscated offers",
            outcomes.stream().filter(o -> o.post().offer() && o.post().obfuscated()).toList()),
        falsePositives,
        falseNegatives);
  }

  private static List<Metrics> grouped(List<Outcome> outcomes, Function<Outcome, String> key) {
    Map<String, List<Outcome>> groups = new TreeMap<>();
    outcomes.forEach(o -> groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
    List<Metrics> rows = new ArrayList<>();
    groups.forEach((name, group) -> rows.add(Metrics.of(name, group)));
    return rows;
  }

  /**
   * The metrics as Markdown tables: overall, the hard-negative and obfuscated-offer lines, per
   * language and per kind. A metric whose denominator is 0 shows as {@code –}.
   */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(HEADER);
    out.append(row(overall));
    out.append(row(hardNegatives));
    out.append(row(obfuscatedOffers));
    out.append("\nPer language\n\n").append(HEADER);
    byLanguage.forEach(m -> out.append(row(m)));
    out.append("\nPer kind\n\n").append(HEADER);
    byKind.forEach(m -> out.append(row(m)));
    return out.toString();
  }

  private static final String HEADER =
      "| group | posts | offers | alerts | TP | FP | FN | precision | recall | F1 |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

  private static String row(Metrics m) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %s | %s | %s |%n",
        m.group(),
        m.posts(),
        m.offers(),
        m.truePositives() + m.falsePositives(),
        m.truePositives(),
        m.falsePositives(),
        m.falseNegatives(),
        format(m.precision()),
        format(m.recall()),
        format(m.f1()));
  }

  /** A ratio with three decimals, or {@code –} when undefined (NaN). */
  public static String format(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }

  /**
   * One labelled post and the verdict it got.
   *
   * @param post the post and its label
   * @param verdict the classifier's verdict
   */
  public record Outcome(LabelledPost post, Verdict verdict) {
    public Outcome {
      requireNonNull(post, "post");
      requireNonNull(verdict, "verdict");
    }

    /** Whether the verdict alerts. */
    public boolean alert() {
      return verdict.alert();
    }
  }

  /**
   * Counts and ratios for a group of posts.
   *
   * @param group the group's name
   * @param posts how many posts
   * @param offers how many are labelled offers
   * @param truePositives offers that alerted
   * @param falsePositives negatives that alerted
   * @param falseNegatives offers that did not alert
   */
  public record Metrics(
      String group,
      int posts,
      int offers,
      int truePositives,
      int falsePositives,
      int falseNegatives) {

    static Metrics of(String group, List<Outcome> outcomes) {
      int offers = 0;
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Outcome o : outcomes) {
        if (o.post().offer()) {
          offers++;
          if (o.alert()) {
            tp++;
          } else {
            fn++;
          }
        } else if (o.alert()) {
          fp++;
        }
      }
      return new Metrics(group, outcomes.size(), offers, tp, fp, fn);
    }

    /** TP / (TP + FP); NaN when nothing alerted. */
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / offers; NaN when there are no offers. */
    public double recall() {
      return ratio(truePositives, offers);
    }

    /** 2·TP / (2·TP + FP + FN); NaN when there are neither offers nor alerts. */
    public double f1() {
      return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** Share of the group's negatives that alerted; NaN when it has none. */
    public double flaggedNegatives() {
      return ratio(falsePositives, posts - offers);
    }

    private static double ratio(int numerator, int denominator) {
      return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
  }
}

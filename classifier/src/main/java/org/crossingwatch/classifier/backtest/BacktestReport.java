package org.crossingwatch.classifier.backtest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a candidate rule set would change.
 *
 * @param before quality of the live or baseline verdicts on all posts
 * @param after quality of the candidate's verdicts on all posts
 * @param byLanguage one row per language, sorted by language
 * @param byCategory one row per rule category matched before or after, sorted by category
 * @param gained posts that alert only with the candidate set, in input order
 * @param lost posts that alerted only with the live or baseline set, in input order
 * @param scoresBefore every post's score before, in input order
 * @param scoresAfter every post's score after, in input order
 */
public record BacktestReport(
    Quality before,
    Quality after,
    List<Row> byLanguage,
    List<Row> byCategory,
    List<Change> gained,
    List<Change> lost,
    List<Double> scoresBefore,
    List<Double> scoresAfter) {
  public BacktestReport {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    byLanguage = List.copyOf(byLanguage);
    byCategory = List.copyOf(byCategory);
    gained = List.copyOf(gained);
    lost = List.copyOf(lost);
    scoresBefore = List.copyOf(scoresBefore);
    scoresAfter = List.copyOf(scoresAfter);
  }

  /**
   * One group's quality before and after.
   *
   * @param group the language or category
   * @param before with the live or baseline rules
   * @param after with the candidate rules
   */
  public record Row(String group, Quality before, Quality after) {
    public Row {
      requireNonNull(group, "group");
      requireNonNull(before, "before");
      requireNonNull(after, "after");
    }
  }
}

package org.crossingwatch.classifier.backtest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;

/**
 * Re-scores posts with a candidate rule set and compares the verdicts with those of the live set
 * (the verdict a case carries) or of a baseline classifier (for cases without one), and with the
 * truth where it is known. Pure: no I/O, no clock. Thread-safe if the classifiers are.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * Runs a backtest.
   *
   * @param cases the posts, with their live verdicts and truth when known; may be empty
   * @param baseline scores the cases that carry no verdict; may be the candidate itself when every
   *     case carries one
   * @param candidate the rule set under test
   * @param progress called with the number of posts done after each post, for progress display
   * @return the comparison
   */
  public static BacktestReport run(
      List<BacktestCase> cases,
      PostClassifier baseline,
      PostClassifier candidate,
      IntConsumer progress) {
    requireNonNull(cases, "cases");
    requireNonNull(baseline, "baseline");
    requireNonNull(candidate, "candidate");
    requireNonNull(progress, "progress");
    List<Scored> scored = new ArrayList<>();
    for (BacktestCase c : cases) {
      Verdict before = c.before().orElseGet(() -> baseline.classify(c.post()));
      scored.add(new Scored(c, before, candidate.classify(c.post())));
      progress.accept(scored.size());
    }
    Map<String, List<Scored>> byLanguage = new TreeMap<>();
    Map<String, List<Scored>> byCategory = new TreeMap<>();
    List<Change> gained = new ArrayList<>();
    List<Change> lost = new ArrayList<>();
    for (Scored s : scored) {
      byLanguage.computeIfAbsent(s.c.language(), k -> new ArrayList<>()).add(s);
      Set<String> categories = new LinkedHashSet<>(s.before.categories());
      categories.addAll(s.after.categories());
      categories.forEach(cat -> byCategory.computeIfAbsent(cat, k -> new ArrayList<>()).add(s));
      if (s.after.alert() && !s.before.alert()) {
        gained.add(change(s));
      } else if (s.before.alert() && !s.after.alert()) {
        lost.add(change(s));
      }
    }
    return new BacktestReport(
        quality("all", scored, true),
        quality("all", scored, false),
        rows(byLanguage),
        rows(byCategory),
        gained,
        lost,
        scored.stream().map(s -> s.before.score()).toList(),
        scored.stream().map(s -> s.after.score()).toList());
  }

  private static List<BacktestReport.Row> rows(Map<String, List<Scored>> groups) {
    List<BacktestReport.Row> rows = new ArrayList<>();
    groups.forEach(
        (group, list) ->
            rows.add(
                new BacktestReport.Row(
                    group, quality(group, list, true), quality(group, list, false))));
    return rows;
  }

  private static Quality quality(String group, List<Scored> scored, boolean before) {
    int alerts = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Scored s : scored) {
      boolean alert = (before ? s.before : s.after).alert();
      Optional<Boolean> truth = s.c.truth();
      alerts += alert ? 1 : 0;
      if (truth.isPresent() && truth.get()) {
        tp += alert ? 1 : 0;
        fn += alert ? 0 : 1;
      } else if (truth.isPresent() && alert) {
        fp++;
      }
    }
    return new Quality(group, scored.size(), alerts, tp, fp, fn);
  }

  private static Change change(Scored s) {
    List<String> beforeIds = ids(s.before);
    List<String> afterIds = ids(s.after);
    return new Change(
        s.c.post().key(),
        s.c.post().text(),
        s.before.score(),
        s.after.score(),
        s.c.truth(),
        afterIds.stream().filter(id -> !beforeIds.contains(id)).toList(),
        beforeIds.stream().filter(id -> !afterIds.contains(id)).toList());
  }

  private static List<String> ids(Verdict verdict) {
    return verdict.hits().stream().map(RuleHit::ruleId).distinct().toList();
  }

  private record Scored(BacktestCase c, Verdict before, Verdict after) {}
}

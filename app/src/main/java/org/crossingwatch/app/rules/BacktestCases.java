package org.crossingwatch.app.rules;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crossingwatch.classifier.backtest.BacktestCase;
import org.crossingwatch.classifier.evaluation.LabelledCorpus;
import org.crossingwatch.classifier.evaluation.LabelledPost;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.InvalidJsonException;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;

/** Where a backtest's posts come from: the cluster's history or a labelled corpus. */
final class BacktestCases {
  private BacktestCases() {}

  /**
   * Every post scored since {@code since} on {@code cw.posts.scored} (it carries the post and its
   * live verdict), with the truth from the latest officer's decision on {@code cw.feedback} about
   * the post's alert ({@link Alert#idFor}): confirmed or escalated is an offer, false positive is
   * not, no decision is unknown. A post scored twice counts once, with its latest verdict. Records
   * that are not valid JSON are reported on {@code err} and skipped.
   */
  static List<BacktestCase> fromCluster(String bootstrapServers, Instant since, PrintWriter err) {
    Map<String, Decision> latest = new HashMap<>();
    int skipped = 0;
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(bootstrapServers, Topics.FEEDBACK, Optional.empty())) {
      try {
        Decision d = Json.read(r.value(), Decision.class);
        latest.merge(
            d.alertId(), d, (old, now) -> now.decidedAt().isBefore(old.decidedAt()) ? old : now);
      } catch (InvalidJsonException | NullPointerException e) {
        skipped++;
      }
    }
    Map<String, BacktestCase> byKey = new java.util.LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(bootstrapServers, Topics.POSTS_SCORED, Optional.of(since))) {
      ScoredPost scored;
      try {
        scored = Json.read(r.value(), ScoredPost.class);
      } catch (InvalidJsonException | NullPointerException e) {
        skipped++;
        continue;
      }
      String key = scored.post().key();
      Optional<Boolean> truth =
          Optional.ofNullable(latest.get(Alert.idFor(key)))
              .map(d -> d.outcome() != Decision.Outcome.FALSE_POSITIVE);
      String language = scored.verdict().languages().stream().findFirst().orElse("und");
      byKey.remove(key);
      byKey.put(
          key, new BacktestCase(scored.post(), language, truth, Optional.of(scored.verdict())));
    }
    if (skipped > 0) {
      err.printf("%d records were not valid JSON and were skipped%n", skipped);
    }
    return new ArrayList<>(byKey.values());
  }

  /**
   * Every labelled post of a corpus, grouped by its labelled language; bad lines on {@code err}.
   */
  static List<BacktestCase> fromCorpus(Path file, PrintWriter err) throws IOException {
    LabelledCorpus corpus = LabelledCorpus.read(file);
    corpus.problems().forEach(problem -> err.println(problem + "; skipped"));
    List<BacktestCase> cases = new ArrayList<>();
    for (LabelledPost post : corpus.posts()) {
      cases.add(
          new BacktestCase(
              post.toPost(),
              post.lang().orElse("und"),
              Optional.of(post.offer()),
              Optional.empty()));
    }
    return cases;
  }
}

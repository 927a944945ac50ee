package org.crossingwatch.classifier.corpus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.classifier.scoring.ScoringModel;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;
import org.junit.jupiter.api.Test;

/** The shipped rules, by their own weights, alert on exactly the samples labelled {@code offer}. */
class SampleCorpusTest {
  private static final String COLLECTED_AT = "2025-03-10T00:00:00Z";
  private static final String DUMMY_SHA256 = "0".repeat(64);

  @Test
  void shippedRulesAlertOnExactlyTheSamplesLabelledOffer() throws Exception {
    Map<String, String> labels = labels(ProjectFiles.samples().resolve("labels.tsv"));
    List<Post> posts = posts(ProjectFiles.samples().resolve("posts.jsonl"));

    Set<String> alerting = new TreeSet<>();
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    // The samples test the rules themselves: scored with the rule weights alone (bias -3,
    // threshold 0.7), not with the learned model, which also weighs phones and handles.
    try (Classifier classifier =
        Classifier.fromRules(
            RulePackLoader.load(ProjectFiles.rules()),
            ClassifierSettings.of(ScoringModel.ruleWeights(-3.0, 0.7)))) {
      for (Post post : posts) {
        Verdict verdict = classifier.classify(post);
        verdicts.put(post.key(), verdict);
        if (verdict.alert()) {
          alerting.add(post.key());
        }
      }
    }
    Set<String> offers = new TreeSet<>();
    labels.forEach(
        (key, label) -> {
          if (label.equals("offer")) {
            offers.add(key);
          }
        });

    assertThat(verdicts.keySet()).as("every sample is labelled").isEqualTo(labels.keySet());
    assertThat(alerting).as(mismatches(offers, alerting, verdicts)).isEqualTo(offers);
  }

  @Test
  void samplesMixOffersInManyLanguagesWithMoreHardNegatives() throws Exception {
    Map<String, String> labels = labels(ProjectFiles.samples().resolve("labels.tsv"));

    long offers = labels.values().stream().filter("offer"::equals).count();
    assertThat(labels).hasSizeBetween(40, 60);
    assertThat(labels.values())
        .allMatch(label -> label.equals("offer") || label.equals("negative"));
    assertThat((double) offers / labels.size()).isBetween(0.3, 0.5);
  }

  private static String mismatches(
      Set<String> offers, Set<String> alerting, Map<String, Verdict> verdicts) {
    List<String> lines = new ArrayList<>();
    for (String key : verdicts.keySet()) {
      boolean offer = offers.contains(key);
      if (offer != alerting.contains(key)) {
        Verdict verdict = verdicts.get(key);
        lines.add(
            String.format(
                java.util.Locale.ROOT,
                "%s labelled %s scored %.3f, hits %s",
                key,
                offer ? "offer" : "negative",
                verdict.score(),
                verdict.hits().stream().map(RuleHit::ruleId).toList()));
      }
    }
    return "mismatches:\n" + String.join("\n", lines);
  }

  private static Map<String, String> labels(Path file) throws Exception {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, UTF_8)) {
      if (!line.isBlank()) {
        String[] parts = line.split("\t", -1);
        assertThat(parts).as("label line '%s'", line).hasSize(2);
        assertThat(labels.put(parts[0], parts[1])).as("label of %s given twice", parts[0]).isNull();
      }
    }
    return labels;
  }

  private static List<Post> posts(Path file) throws Exception {
    List<Post> posts = new ArrayList<>();
    for (String line : Files.readAllLines(file, UTF_8)) {
      if (!line.isBlank()) {
        ObjectNode node = (ObjectNode) Json.mapper().readTree(line);
        node.put("collectedAt", COLLECTED_AT);
        node.put("captureSha256", DUMMY_SHA256);
        posts.add(Json.read(node.toString(), Post.class));
      }
    }
    return posts;
  }
}

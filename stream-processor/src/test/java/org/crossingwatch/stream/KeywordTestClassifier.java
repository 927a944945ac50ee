package org.crossingwatch.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;

/**
 * A stand-in for the Lucene classifier: alerts on "قارب" (boat) or "passage", throws on "BOOM", and
 * remembers every text it was given.
 */
final class KeywordTestClassifier implements PostClassifier {
  static final String RULE_SET = "test-rules-1";
  static final Instant SCORED_AT = Instant.parse("2025-03-01T12:00:00Z");
  static final RuleHit BOAT = new RuleHit("test.boat", "crossing_offer", "any", 2.5);

  private final List<String> seenTexts = new ArrayList<>();

  @Override
  public Verdict classify(Post post) {
    seenTexts.add(post.text());
    if (post.text().contains("BOOM")) {
      throw new IllegalStateException("test classifier exploded on BOOM");
    }
    return verdictFor(post.key(), post.text().contains("قارب") || post.text().contains("passage"));
  }

  @Override
  public String ruleSetVersion() {
    return RULE_SET;
  }

  /** What {@link #classify} returns for an alerting or a quiet post. */
  static Verdict verdictFor(String postKey, boolean alert) {
    return new Verdict(
        1,
        postKey,
        alert ? 0.9 : 0.05,
        alert,
        alert ? List.of(BOAT) : List.of(),
        alert ? Map.of("crossing_offer", 2.5) : Map.of(),
        List.of(),
        RULE_SET,
        SCORED_AT,
        List.of());
  }

  List<String> seenTexts() {
    return List.copyOf(seenTexts);
  }
}

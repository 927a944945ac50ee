package org.crossingwatch.app.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Verdict;

/** A cheap stand-in classifier for failure tests: alerts on "passage", nothing else. */
final class PassageClassifier implements PostClassifier {
  @Override
  public Verdict classify(Post post) {
    boolean alert = post.text().contains("passage");
    return new Verdict(
        1,
        post.key(),
        alert ? 0.9 : 0.1,
        alert,
        List.of(),
        Map.of(),
        List.of(),
        ruleSetVersion(),
        Instant.parse("2025-03-01T00:00:00Z"),
        List.of());
  }

  @Override
  public String ruleSetVersion() {
    return "test-passage";
  }
}

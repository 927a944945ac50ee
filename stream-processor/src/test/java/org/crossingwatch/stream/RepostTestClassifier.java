package org.crossingwatch.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.Verdict;

/**
 * A stand-in classifier for clustering and linking: alerts on "قارب" or "passage", and extracts
 * phones ({@code +} and digits with spaces, normalised to E.164) and {@code @handles}.
 */
final class RepostTestClassifier implements PostClassifier {
  static final Instant SCORED_AT = Instant.parse("2025-03-01T12:00:00Z");
  private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d ]{6,}\\d");
  private static final Pattern HANDLE = Pattern.compile("@\\w+");

  @Override
  public Verdict classify(Post post) {
    return verdictFor(post);
  }

  @Override
  public String ruleSetVersion() {
    return "test-repost-1";
  }

  static Verdict verdictFor(Post post) {
    boolean alert = post.text().contains("قارب") || post.text().contains("passage");
    List<ExtractedEntity> entities = new ArrayList<>();
    Matcher phone = PHONE.matcher(post.text());
    while (phone.find()) {
      entities.add(
          new ExtractedEntity(
              ExtractedEntity.Type.PHONE,
              phone.group(),
              phone.group().replace(" ", ""),
              phone.start(),
              phone.end(),
              Map.of()));
    }
    Matcher handle = HANDLE.matcher(post.text());
    while (handle.find()) {
      entities.add(
          new ExtractedEntity(
              ExtractedEntity.Type.HANDLE,
              handle.group(),
              handle.group(),
              handle.start(),
              handle.end(),
              Map.of()));
    }
    return new Verdict(
        1,
        post.key(),
        alert ? 0.9 : 0.05,
        alert,
        alert ? List.of(new RuleHit("test.boat", "crossing_offer", "any", 2.5)) : List.of(),
        Map.of(),
        List.of(),
        "test-repost-1",
        SCORED_AT,
        List.of(),
        List.of(),
        entities);
  }
}

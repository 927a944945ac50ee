package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.list;
import static org.crossingwatch.model.Fields.map;
import static org.crossingwatch.model.Fields.required;
import static org.crossingwatch.model.Fields.requiredText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classifier's decision about one post, with what it rests on.
 *
 * @param schemaVersion the record's schema version
 * @param postKey the post this verdict is about
 * @param score probability in [0,1] that the post advertises smuggling services
 * @param alert whether the score reached the alert threshold
 * @param hits the rules that matched
 * @param contributions each feature's (category's) contribution to the score's log-odds
 * @param languages languages detected in the post, most prominent first
 * @param ruleSetVersion version of the rule set that produced this verdict
 * @param scoredAt when the verdict was made
 * @param flags processing notes, for example {@code truncated}
 * @param spans where in the original text each matched rule matched
 * @param entities phones, prices, handles, links, wallets and places found in the post
 */
public record Verdict(
    int schemaVersion,
    String postKey,
    double score,
    boolean alert,
    List<RuleHit> hits,
    Map<String, Double> contributions,
    List<String> languages,
    String ruleSetVersion,
    Instant scoredAt,
    List<String> flags,
    List<Span> spans,
    List<ExtractedEntity> entities) {

  /** Flag set when the post was longer than the size limit and only its head was scored. */
  public static final String FLAG_TRUNCATED = "truncated";

  public Verdict {
    schemaVersion = Fields.schemaVersion(schemaVersion);
    requiredText(postKey, "Verdict", "postKey");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("Verdict score must be in [0,1], was " + score);
    }
    hits = list(hits);
    contributions = map(contributions);
    languages = list(languages);
    requiredText(ruleSetVersion, "Verdict", "ruleSetVersion");
    required(scoredAt, "Verdict", "scoredAt");
    flags = list(flags);
    spans = list(spans);
    entities = list(entities);
  }

  /** A verdict without spans or entities. */
  public Verdict(
      int schemaVersion,
      String postKey,
      double score,
      boolean alert,
      List<RuleHit> hits,
      Map<String, Double> contributions,
      List<String> languages,
      String ruleSetVersion,
      Instant scoredAt,
      List<String> flags) {
    this(
        schemaVersion,
        postKey,
        score,
        alert,
        hits,
        contributions,
        languages,
        ruleSetVersion,
        scoredAt,
        flags,
        List.of(),
        List.of());
  }

  /** The entities of one type, in text order. */
  public List<ExtractedEntity> entities(ExtractedEntity.Type type) {
    return entities.stream().filter(e -> e.type() == type).toList();
  }

  /** The distinct categories of the matched rules, in hit order. */
  public List<String> categories() {
    return hits.stream().map(RuleHit::category).distinct().toList();
  }

  /** A copy carrying one more flag. */
  public Verdict withFlag(String flag) {
    List<String> more = new ArrayList<>(flags);
    if (!more.contains(flag)) {
      more.add(flag);
    }
    return new Verdict(
        schemaVersion,
        postKey,
        score,
        alert,
        hits,
        contributions,
        languages,
        ruleSetVersion,
        scoredAt,
        more,
        spans,
        entities);
  }
}

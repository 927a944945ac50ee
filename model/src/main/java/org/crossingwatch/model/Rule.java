package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.list;
import static org.crossingwatch.model.Fields.requiredText;

import java.util.List;
import java.util.Optional;

/**
 * An analyst's keyword rule: a Lucene query in one language and one category.
 *
 * @param schemaVersion the record's schema version
 * @param id unique rule id, for example {@code ar.crossing.boat-trip}
 * @param language the language it is written for (ISO 639-1, or {@code any})
 * @param category what a match says about the post, for example {@code crossing_offer}
 * @param query the Lucene query (boolean, phrase, proximity, wildcard)
 * @param weight how much a match moves the score; negative for contexts that argue against
 * @param description what the rule is for, in plain words
 * @param shouldMatch example texts the rule must match
 * @param shouldNotMatch example texts the rule must not match
 */
public record Rule(
    int schemaVersion,
    String id,
    String language,
    String category,
    String query,
    double weight,
    Optional<String> description,
    List<String> shouldMatch,
    List<String> shouldNotMatch) {

  public Rule {
    schemaVersion = Fields.schemaVersion(schemaVersion);
    requiredText(id, "Rule", "id");
    requiredText(language, "Rule", "language");
    requiredText(category, "Rule", "category");
    requiredText(query, "Rule", "query");
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("Rule " + id + " weight must be finite, was " + weight);
    }
    description = Fields.optional(description);
    shouldMatch = list(shouldMatch);
    shouldNotMatch = list(shouldNotMatch);
  }
}

package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.requiredText;

/**
 * One rule that matched a post.
 *
 * @param ruleId the rule's id
 * @param category the rule's category
 * @param language the language the rule is written for ({@code any} for language-neutral rules)
 * @param weight the rule's weight at the time it matched
 */
public record RuleHit(String ruleId, String category, String language, double weight) {
  public RuleHit {
    requiredText(ruleId, "RuleHit", "ruleId");
    requiredText(category, "RuleHit", "category");
    requiredText(language, "RuleHit", "language");
  }
}

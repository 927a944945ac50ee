package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.required;

/**
 * A post with its verdict, as written to {@code cw.posts.scored} for every post, alert or not.
 *
 * @param schemaVersion the record's schema version
 * @param post the post as captured
 * @param verdict the classifier's verdict
 */
public record ScoredPost(int schemaVersion, Post post, Verdict verdict) {
  public ScoredPost {
    schemaVersion = Fields.schemaVersion(schemaVersion);
    required(post, "ScoredPost", "post");
    required(verdict, "ScoredPost", "verdict");
  }

  public ScoredPost(Post post, Verdict verdict) {
    this(SchemaVersion.CURRENT, post, verdict);
  }
}

package org.crossingwatch.classifier;

import org.crossingwatch.model.Post;
import org.crossingwatch.model.Verdict;

/**
 * What the stream topology and the command line need from a classifier: a verdict for a post.
 * Implementations are thread-safe; one instance serves every stream thread.
 */
public interface PostClassifier {

  /**
   * Scores one post.
   *
   * @param post the post; its text may be empty
   * @return the verdict, never null
   */
  Verdict classify(Post post);

  /** The version of the rule set behind this classifier, recorded in every verdict. */
  String ruleSetVersion();
}

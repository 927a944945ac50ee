package org.crossingwatch.stream.parse;

import java.util.Objects;
import org.crossingwatch.model.Post;

/**
 * A post read from its raw record, with the raw value kept so a later stage can still send the
 * original bytes to the dead-letter topic.
 *
 * @param post the post
 * @param rawValue the record's value exactly as consumed; not copied, nothing mutates it
 * @param oversized whether the record was over the size limit (it is also in the dead-letter
 *     topic); such a post is scored on its head only and its scored copy keeps only that head
 */
public record ParsedPost(Post post, byte[] rawValue, boolean oversized) {
  public ParsedPost {
    Objects.requireNonNull(post, "post must not be null");
    Objects.requireNonNull(rawValue, "rawValue must not be null");
  }

  /** A post within the size limit. */
  public ParsedPost(Post post, byte[] rawValue) {
    this(post, rawValue, false);
  }
}

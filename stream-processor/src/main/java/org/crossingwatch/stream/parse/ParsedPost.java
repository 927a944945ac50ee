package org.crossingwatch.stream.parse;

import java.util.Objects;
import org.crossingwatch.model.Post;

/**
 * A post read from its raw record, with the raw value kept so a later stage can still send the
 * original bytes to the dead-letter topic.
 *
 * @param post the post
 * @param rawValue the record's value exactly as consumed; not copied, nothing mutates it
 */
public record ParsedPost(Post post, byte[] rawValue) {
  public ParsedPost {
    Objects.requireNonNull(post, "post must not be null");
    Objects.requireNonNull(rawValue, "rawValue must not be null");
  }
}

package org.crossingwatch.collectors;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An item a source read but skipped, with the evidence to find and fix it.
 *
 * @param location where the item is, for example {@code posts.jsonl:17} (file and line)
 * @param reason a short, fixed kebab-case reason used as a metric tag, for example {@code
 *     malformed-json}, {@code invalid-post}, {@code invalid-utf8}, {@code line-too-long}; each
 *     source documents its own small set
 * @param detail the human-readable explanation, for example {@code Invalid Post JSON: missing
 *     required field 'text' in Post}
 */
public record Problem(String location, String reason, String detail) {
  private static final Pattern REASON = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    if (!REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException(
          "Problem reason must be kebab-case like 'invalid-post', got '" + reason + "'");
    }
  }

  @Override
  public String toString() {
    return location + ": " + reason + ": " + detail;
  }
}

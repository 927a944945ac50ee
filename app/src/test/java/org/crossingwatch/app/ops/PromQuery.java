package org.crossingwatch.app.ops;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PromQL expression found in a dashboard panel or an alert rule.
 *
 * @param file the dashboard file name or the rule file
 * @param title the panel title or the alert name
 * @param expr the expression as written, possibly with Grafana variables
 */
record PromQuery(String file, String title, String expr) {
  /**
   * What the test puts in place of Grafana's variables: every instance and source, short ranges.
   */
  private static final Map<String, String> VARIABLES =
      Map.of(
          "$__rate_interval", "30s",
          "$__interval", "15s",
          "$__range", "1h",
          "${instance}", ".*",
          "$instance", ".*",
          "${source}", ".*",
          "$source", ".*");

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "le",
          "inf",
          "nan");
  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPINGS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

  PromQuery {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(expr, "expr");
  }

  /** The expression with Grafana's variables replaced, ready for Prometheus. */
  String executable() {
    String result = expr;
    for (Map.Entry<String, String> variable :
        VARIABLES.entrySet().stream()
            .sorted((a, b) -> b.getKey().length() - a.getKey().length())
            .toList()) {
      result = result.replace(variable.getKey(), variable.getValue());
    }
    return result;
  }

  /** The metric names the expression selects, in order of appearance. */
  Set<String> metricNames() {
    String bare = STRINGS.matcher(executable()).replaceAll(" ");
    bare = MATCHERS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = GROUPINGS.matcher(bare).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  @Override
  public String toString() {
    return file + " / " + title + ": " + expr;
  }
}

package org.crossingwatch.collectors.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt (RFC 9309) for one user agent: the group naming the agent, else the
 * {@code *} group; the longest matching {@code Allow} or {@code Disallow} path wins, {@code Allow}
 * on a tie; {@code *} and a final {@code $} are honoured.
 */
final class RobotsRules {
  static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

  private record Rule(boolean allow, String pattern) {}

  private final List<Rule> rules;

  private RobotsRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Parses {@code robotsTxt} for the agent whose product token is {@code agent} (lower case). */
  static RobotsRules parse(String robotsTxt, String agent) {
    List<Rule> specific = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    boolean specificSeen = false;
    List<String> groupAgents = new ArrayList<>();
    boolean inRules = false;
    for (String raw : robotsTxt.split("\r?\n|\r")) {
      String line = raw.replaceFirst("#.*", "").strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (field.equals("user-agent")) {
        if (inRules) {
          groupAgents.clear();
          inRules = false;
        }
        groupAgents.add(value.toLowerCase(Locale.ROOT));
      } else if (field.equals("allow") || field.equals("disallow")) {
        inRules = true;
        if (value.isEmpty()) {
          continue; // "Disallow:" with no path allows everything
        }
        Rule rule = new Rule(field.equals("allow"), value);
        if (groupAgents.contains(agent)) {
          specific.add(rule);
          specificSeen = true;
        }
        if (groupAgents.contains("*")) {
          star.add(rule);
        }
      }
    }
    return new RobotsRules(specificSeen ? specific : star);
  }

  /** Whether {@code pathAndQuery} (starting with {@code /}) may be fetched. */
  boolean allows(String pathAndQuery) {
    Rule best = null;
    for (Rule rule : rules) {
      if (matches(rule.pattern(), pathAndQuery)
          && (best == null
              || rule.pattern().length() > best.pattern().length()
              || (rule.pattern().length() == best.pattern().length() && rule.allow()))) {
        best = rule;
      }
    }
    return best == null || best.allow();
  }

  private static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    StringBuilder regex = new StringBuilder();
    for (String part : p.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(java.util.regex.Pattern.quote(part));
    }
    if (!anchored) {
      regex.append(".*");
    }
    return path.matches("(?s)" + regex);
  }
}

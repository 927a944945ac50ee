package org.crossingwatch.classifier.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Rule;

/** A rule set's content version: the same rules, in any order, give the same version. */
public final class RuleSetVersion {
  private RuleSetVersion() {}

  /**
   * {@code rules-} and the first 12 hex digits of the SHA-256 of the rules' JSON, one per line,
   * sorted by id (then by JSON, so duplicates cannot make the order ambiguous).
   */
  public static String of(List<Rule> rules) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    rules.stream()
        .map(rule -> new Entry(rule.id(), Json.write(rule)))
        .sorted(Comparator.comparing(Entry::id).thenComparing(Entry::json))
        .forEach(entry -> sha256.update((entry.json() + "\n").getBytes(UTF_8)));
    return "rules-" + HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
  }

  private record Entry(String id, String json) {}
}

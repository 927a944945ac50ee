package org.crossingwatch.delivery.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.delivery.Secret;

/**
 * Readers for the scalar values of the delivery configuration. Each reports a mistake at the node
 * it read, quoting the bad value (never a secret's).
 */
public final class ConfigValues {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private ConfigValues() {}

  /** A duration such as {@code 500ms}, {@code 10s}, {@code 1m}, {@code 2h} or {@code 1d}. */
  public static Duration duration(YamlNode node, String what) {
    String text = node.text(what).trim().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw node.error(
          what + " must be a duration like 500ms, 10s, 1m, 2h or 1d, was '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    Duration duration =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    if (duration.isZero()) {
      throw node.error(what + " must be longer than zero, was '" + text + "'");
    }
    return duration;
  }

  /** A whole number of at least {@code min}. */
  public static int intAtLeast(YamlNode node, String what, int min) {
    String text = node.text(what).trim();
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw node.error(what + " must be a whole number, was '" + text + "'");
    }
    if (value < min) {
      throw node.error(what + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  /** A score in [0,1]. */
  public static double score(YamlNode node, String what) {
    String text = node.text(what).trim();
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw node.error(what + " must be a number in [0,1], was '" + text + "'");
    }
    if (!(value >= 0.0 && value <= 1.0)) {
      throw node.error(what + " must be in [0,1], was " + text);
    }
    return value;
  }

  /** A local time of day {@code HH:mm}. */
  public static LocalTime timeOfDay(YamlNode node, String what) {
    String text = node.text(what).trim();
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw node.error(what + " must be a time of day like 22:00, was '" + text + "'");
    }
  }

  /** An absolute http or https URI. */
  public static URI httpUri(YamlNode node, String what) {
    String text = node.text(what).trim();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw node.error(what + " must be an http(s) URL, was '" + text + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw node.error(what + " must be an http(s) URL, was '" + text + "'");
    }
    return uri;
  }

  /** A list of non-empty texts; a single text reads as a list of one. */
  public static List<String> texts(YamlNode node, String what) {
    if (node.kind() == YamlNode.Kind.SCALAR) {
      return List.of(node.text(what).trim());
    }
    return node.elements(what).stream().map(e -> e.text(what).trim()).toList();
  }

  /**
   * A secret given as {@code {env: NAME}} or {@code {file: PATH}}. A plain value in the YAML is
   * refused without being echoed.
   *
   * @param env looks up environment variables (null when unset)
   */
  public static Secret secret(YamlNode node, String what, UnaryOperator<String> env) {
    if (node.kind() != YamlNode.Kind.MAPPING) {
      throw node.error(
          what
              + " must come from the environment or a file, written {env: NAME} or {file: PATH};"
              + " secrets are never written in the configuration itself");
    }
    Map<String, YamlNode> fields = node.fields(what, Set.of("env", "file"));
    if (fields.size() != 1) {
      throw node.error(what + " must have exactly one of 'env' or 'file'");
    }
    if (fields.containsKey("env")) {
      YamlNode nameNode = fields.get("env");
      String name = nameNode.text(what + " env").trim();
      String value = env.apply(name);
      if (value == null || value.isEmpty()) {
        throw nameNode.error(what + ": environment variable '" + name + "' is not set or is empty");
      }
      return Secret.of("env " + name, value);
    }
    YamlNode fileNode = fields.get("file");
    Path file = Path.of(fileNode.text(what + " file").trim());
    String value;
    try {
      value = stripLineEnd(Files.readString(file, UTF_8));
    } catch (IOException e) {
      throw fileNode.error(what + ": cannot read secret file '" + file + "': " + e.getMessage());
    }
    if (value.isEmpty()) {
      throw fileNode.error(what + ": secret file '" + file + "' is empty");
    }
    return Secret.of("file " + file, value);
  }

  // Files written with `echo` end in a newline that is not part of the secret.
  private static String stripLineEnd(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}

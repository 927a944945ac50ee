package org.crossingwatch.collectors.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.collectors.http.FetchSettings;
import org.crossingwatch.collectors.web.Selectors;

/**
 * The collectors' YAML config, validated as a whole: {@link #load(Path)} reports every mistake with
 * file, line and column, or returns a config where every value is usable. See docs/sources.md for
 * the format; defaults are those of {@link FetchSettings#defaults()}, {@code evidenceDir: evidence}
 * (relative to the config file), {@code batchSize: 500}, and per source {@code pollInterval: 5m}.
 *
 * @param fetch politeness settings for every web source
 * @param evidenceDir where WARC evidence goes
 * @param batchSize most posts per transaction
 * @param sources the sources, in file order
 */
public record CollectorConfig(
    FetchSettings fetch, Path evidenceDir, int batchSize, List<SourceSpec> sources) {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  private static final Set<String> TOP = Set.of("fetch", "evidenceDir", "batchSize", "sources");
  private static final Set<String> FETCH =
      Set.of(
          "userAgent",
          "connectTimeout",
          "requestTimeout",
          "minIntervalPerHost",
          "maxAttempts",
          "backoffInitial",
          "backoffMax",
          "maxBodyBytes",
          "respectRobotsTxt");
  private static final Map<String, Set<String>> TYPES =
      Map.of(
          "telegram", Set.of("channel", "baseUrl", "backfillPages", "maxPagesPerPoll"),
          "telegram-export", Set.of("path"),
          "mastodon", Set.of("instance", "timeline", "backfillPages", "maxPagesPerPoll"),
          "feed", Set.of("url"),
          "web", Set.of("url", "selectors", "maxPages"),
          "jsonl", Set.of("path"));
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "telegram", List.of("channel"),
          "telegram-export", List.of("path"),
          "mastodon", List.of("instance", "timeline"),
          "feed", List.of("url"),
          "web", List.of("url", "selectors"),
          "jsonl", List.of("path"));
  private static final Set<String> SELECTORS =
      Set.of("item", "text", "author", "time", "link", "next");

  public CollectorConfig {
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(evidenceDir, "evidenceDir");
    sources = List.copyOf(sources);
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws ConfigException listing every mistake, each with {@code file:line:column}
   * @throws IOException when the file cannot be read
   */
  public static CollectorConfig load(Path file) throws IOException {
    String text = Files.readString(file, UTF_8);
    Path base = file.toAbsolutePath().getParent();
    return new Validator(file.getFileName().toString(), base).validate(text);
  }

  /** Parses a duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
  public static Optional<Duration> duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
  }

  private static final class Validator {
    private final String fileName;
    private final Path base;
    private final List<String> errors = new ArrayList<>();
    private LocatedYaml yaml;

    Validator(String fileName, Path base) {
      this.fileName = fileName;
      this.base = base;
    }

    CollectorConfig validate(String text) {
      try {
        yaml = LocatedYaml.parse(text);
      } catch (JsonProcessingException e) {
        var l = e.getLocation();
        throw new ConfigException(
            List.of(
                fileName
                    + ":"
                    + (l == null ? 1 : l.getLineNr())
                    + ":"
                    + (l == null ? 1 : l.getColumnNr())
                    + ": not valid YAML: "
                    + e.getOriginalMessage()));
      } catch (IOException e) {
        throw new ConfigException(List.of(fileName + ":1:1: cannot be read: " + e.getMessage()));
      }
      JsonNode root = yaml.root;
      if (root == null || !root.isObject()) {
        error("", "the config must be a mapping with a 'sources' list");
        throw new ConfigException(errors);
      }
      unknownKeys(root, "", TOP);
      FetchSettings fetch = fetch(root.path("fetch"));
      Path evidence = base.resolve(text(root, "", "evidenceDir").orElse("evidence"));
      int batchSize = integer(root, "", "batchSize", 1, 100_000).orElse(500);
      List<SourceSpec> sources = new ArrayList<>();
      JsonNode list = root.get("sources");
      if (list == null || !list.isArray() || list.isEmpty()) {
        error("/sources", "'sources' must be a non-empty list");
      } else {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          source(list.get(i), "/sources/" + i)
              .ifPresent(
                  s -> {
                    if (!ids.add(s.sourceId())) {
                      error(
                          "/sources/" + sources.size() + "/name",
                          "duplicate source '" + s.sourceId() + "'");
                    }
                    sources.add(s);
                  });
        }
      }
      if (!errors.isEmpty()) {
        throw new ConfigException(errors);
      }
      return new CollectorConfig(fetch, evidence, batchSize, sources);
    }

    private FetchSettings fetch(JsonNode node) {
      FetchSettings d = FetchSettings.defaults();
      if (node.isMissingNode()) {
        return d;
      }
      if (!node.isObject()) {
        error("/fetch", "'fetch' must be a mapping");
        return d;
      }
      unknownKeys(node, "/fetch", FETCH);
      try {
        return new FetchSettings(
            text(node, "/fetch", "userAgent").orElse(d.userAgent()),
            dur(node, "/fetch", "connectTimeout").orElse(d.connectTimeout()),
            dur(node, "/fetch", "requestTimeout").orElse(d.requestTimeout()),
            dur(node, "/fetch", "minIntervalPerHost").orElse(d.minIntervalPerHost()),
            integer(node, "/fetch", "maxAttempts", 1, 100).orElse(d.maxAttempts()),
            dur(node, "/fetch", "backoffInitial").orElse(d.backoffInitial()),
            dur(node, "/fetch", "backoffMax").orElse(d.backoffMax()),
            integer(node, "/fetch", "maxBodyBytes", 1, Integer.MAX_VALUE)
                .map(Integer::longValue)
                .orElse(d.maxBodyBytes()),
            bool(node, "/fetch", "respectRobotsTxt").orElse(d.respectRobotsTxt()));
      } catch (IllegalArgumentException e) {
        error("/fetch", e.getMessage());
        return d;
      }
    }

    private Optional<SourceSpec> source(JsonNode node, String path) {
      if (!node.isObject()) {
        error(path, "each source must be a mapping with 'type' and 'name'");
        return Optional.empty();
      }
      Optional<String> type = text(node, path, "type");
      Optional<String> name = text(node, path, "name");
      if (type.isEmpty()) {
        error(path, "missing 'type' (one of " + String.join(", ", sorted(TYPES.keySet())) + ")");
        return Optional.empty();
      }
      if (!TYPES.containsKey(type.get())) {
        error(
            path + "/type",
            "unknown source type '"
                + type.get()
                + "', expected one of "
                + String.join(", ", sorted(TYPES.keySet())));
        return Optional.empty();
      }
      if (name.isEmpty()) {
        error(path, "missing 'name'");
      } else if (!NAME.matcher(name.get()).matches()) {
        error(path + "/name", "name '" + name.get() + "' must be 1-100 of [A-Za-z0-9_.-]");
      }
      Set<String> allowed = new HashSet<>(TYPES.get(type.get()));
      allowed.addAll(Set.of("type", "name", "pollInterval"));
      unknownKeys(node, path, allowed);
      for (String required : REQUIRED.get(type.get())) {
        if (!node.hasNonNull(required)) {
          error(path, "a '" + type.get() + "' source needs '" + required + "'");
        }
      }
      Duration poll = dur(node, path, "pollInterval").orElse(Duration.ofMinutes(5));
      Map<String, String> options = new LinkedHashMap<>();
      for (String key : TYPES.get(type.get())) {
        if (key.equals("selectors") || !node.hasNonNull(key)) {
          continue;
        }
        Optional<String> value = text(node, path, key);
        if (value.isEmpty()) {
          continue;
        }
        String v = value.get();
        switch (key) {
          case "baseUrl", "instance", "url" -> {
            if (!httpUrl(v)) {
              error(path + "/" + key, "'" + v + "' is not an http(s) URL");
            }
          }
          case "backfillPages", "maxPagesPerPoll", "maxPages" -> integer(node, path, key, 1, 1000);
          case "channel" -> {
            if (!v.matches("@?[A-Za-z0-9_]{3,64}")) {
              error(path + "/channel", "'" + v + "' is not a Telegram channel handle");
            }
            v = v.replaceFirst("^@", "");
          }
          case "timeline" -> {
            if (!v.equals("public") && !v.equals("local") && !v.matches("tag:[\\p{L}\\p{N}_]+")) {
              error(path + "/timeline", "'" + v + "' must be 'public', 'local' or 'tag:<hashtag>'");
            }
          }
          case "path" -> v = base.resolve(v).toString();
          default -> {}
        }
        options.put(key, v);
      }
      Optional<Selectors> selectors =
          node.has("selectors")
              ? selectors(node.get("selectors"), path + "/selectors")
              : Optional.empty();
      if (name.isEmpty() || !NAME.matcher(name.get()).matches()) {
        return Optional.empty();
      }
      return Optional.of(new SourceSpec(type.get(), name.get(), poll, options, selectors));
    }

    private Optional<Selectors> selectors(JsonNode node, String path) {
      if (!node.isObject()) {
        error(path, "'selectors' must be a mapping with at least 'item'");
        return Optional.empty();
      }
      unknownKeys(node, path, SELECTORS);
      Map<String, String> found = new LinkedHashMap<>();
      for (String key : SELECTORS) {
        text(node, path, key)
            .ifPresent(
                css -> {
                  try {
                    org.jsoup.select.QueryParser.parse(css);
                    found.put(key, css);
                  } catch (RuntimeException e) {
                    error(
                        path + "/" + key, "invalid CSS selector '" + css + "': " + e.getMessage());
                  }
                });
      }
      if (!node.hasNonNull("item")) {
        error(path, "'selectors' needs 'item'");
      }
      if (!found.containsKey("item")) {
        return Optional.empty();
      }
      return Optional.of(
          new Selectors(
              found.get("item"),
              Optional.ofNullable(found.get("text")),
              Optional.ofNullable(found.get("author")),
              Optional.ofNullable(found.get("time")),
              Optional.ofNullable(found.get("link")),
              Optional.ofNullable(found.get("next"))));
    }

    private void unknownKeys(JsonNode node, String path, Set<String> allowed) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          error(
              path + "/" + key,
              "unknown key '" + key + "', expected one of " + String.join(", ", sorted(allowed)));
        }
      }
    }

    private Optional<String> text(JsonNode node, String path, String key) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isValueNode() || v.asText().isBlank()) {
        error(path + "/" + key, "'" + key + "' must be a non-empty value");
        return Optional.empty();
      }
      return Optional.of(v.asText().strip());
    }

    private Optional<Duration> dur(JsonNode node, String path, String key) {
      Optional<String> t = text(node, path, key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      Optional<Duration> d = duration(t.get());
      if (d.isEmpty() || d.get().isZero()) {
        error(
            path + "/" + key,
            "'" + t.get() + "' is not a positive duration like 500ms, 30s, 5m, 2h or 1d");
      }
      return d.filter(x -> !x.isZero());
    }

    private Optional<Integer> integer(JsonNode node, String path, String key, int min, int max) {
      Optional<String> t = text(node, path, key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      try {
        int n = Integer.parseInt(t.get());
        if (n >= min && n <= max) {
          return Optional.of(n);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      error(
          path + "/" + key, "'" + t.get() + "' must be a whole number from " + min + " to " + max);
      return Optional.empty();
    }

    private Optional<Boolean> bool(JsonNode node, String path, String key) {
      Optional<String> t = text(node, path, key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      String v = t.get().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        error(path + "/" + key, "'" + t.get() + "' must be true or false");
        return Optional.empty();
      }
      return Optional.of(Boolean.parseBoolean(v));
    }

    private static boolean httpUrl(String v) {
      try {
        URI u = new URI(v);
        return (u.getScheme() != null)
            && (u.getScheme().equals("http") || u.getScheme().equals("https"))
            && u.getHost() != null;
      } catch (java.net.URISyntaxException e) {
        return false;
      }
    }

    private static List<String> sorted(Set<String> set) {
      return set.stream().sorted().toList();
    }

    private void error(String pointer, String message) {
      String field = pointer.isEmpty() ? "" : pointerToPath(pointer) + ": ";
      errors.add(fileName + ":" + yaml.where(pointer) + ": " + field + message);
    }

    private static String pointerToPath(String pointer) {
      StringBuilder out = new StringBuilder();
      for (String part : pointer.substring(1).split("/")) {
        if (part.matches("\\d+")) {
          out.append('[').append(part).append(']');
        } else {
          out.append(out.length() == 0 ? "" : ".").append(part);
        }
      }
      return out.toString();
    }
  }
}

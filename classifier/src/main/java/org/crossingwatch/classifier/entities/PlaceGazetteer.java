package org.crossingwatch.classifier.entities;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crossingwatch.classifier.normalize.NormalizedText;

/**
 * Finds places from a multilingual gazetteer in normalised text. Words are compared folded (see
 * {@link Fold}), whole words only; an Arabic word may carry the article and a clitic ({@code
 * والزوارة}, {@code لإيطاليا}) and a Persian word the ezafe ({@code ایتالیای}). The longest alias
 * wins. Immutable and thread-safe once loaded.
 *
 * <p>The resource is UTF-8 TSV, one place a line, {@code #} comments and blank lines ignored:
 * {@code name<TAB>country<TAB>kind<TAB>roles<TAB>routes<TAB>aliases}, where roles and routes are
 * comma-separated ({@code -} for none) and aliases are {@code |}-separated in any script.
 */
final class PlaceGazetteer {
  static final String DEFAULT_RESOURCE = "/org/crossingwatch/classifier/entities/gazetteer.tsv";

  private static final Pattern TAB = Pattern.compile("\t");

  /** One-letter Arabic proclitics: and, with/in, to/for, so, like. */
  private static final List<String> ARABIC_CLITICS = List.of("و", "ب", "ل", "ف", "ك");

  private final Map<String, Place> byAlias;

  /** The first words of the aliases of two or more words. */
  private final Set<String> firstWords;

  private final int maxWords;
  private final int size;

  private PlaceGazetteer(Map<String, Place> byAlias, int maxWords, int size) {
    this.byAlias = Map.copyOf(byAlias);
    this.firstWords =
        byAlias.keySet().stream()
            .filter(key -> key.indexOf(' ') > 0)
            .map(key -> key.substring(0, key.indexOf(' ')))
            .collect(Collectors.toUnmodifiableSet());
    this.maxWords = maxWords;
    this.size = size;
  }

  /**
   * Loads a gazetteer from a class-path resource.
   *
   * @throws IllegalStateException naming the resource (and line) if it is missing or malformed
   */
  static PlaceGazetteer load(String resource) {
    InputStream in = PlaceGazetteer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "Gazetteer resource '" + resource + "' not found on the class path");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      return parse(resource, reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read gazetteer resource '" + resource + "'", e);
    }
  }

  /** Number of places in the gazetteer. */
  int size() {
    return size;
  }

  /** Parses gazetteer lines; {@code resource} names them in error messages. */
  static PlaceGazetteer parse(String resource, List<String> lines) {
    Map<String, Place> byAlias = new HashMap<>();
    Map<String, Integer> aliasLine = new HashMap<>();
    int maxWords = 1;
    int places = 0;
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = TAB.split(line, -1);
      if (cells.length != 6) {
        throw problem(resource, n, "expected 6 tab-separated cells, found " + cells.length);
      }
      if (!cells[1].matches("[A-Z]{2}")) {
        throw problem(resource, n, "country '" + cells[1] + "' is not an ISO 3166 alpha-2 code");
      }
      Place place =
          new Place(cells[0], cells[1], cells[2], list(cells[3], ","), list(cells[4], ","));
      places++;
      Set<String> aliases = new LinkedHashSet<>(list(cells[5], "\\|"));
      aliases.add(cells[0]);
      for (String alias : aliases) {
        List<String> words = WordTokens.of(alias).stream().map(w -> Fold.fold(w.text())).toList();
        if (words.isEmpty()) {
          throw problem(resource, n, "alias '" + alias + "' has no letters");
        }
        maxWords = Math.max(maxWords, words.size());
        String key = String.join(" ", words);
        Place previous = byAlias.putIfAbsent(key, place);
        if (previous != null && !previous.equals(place)) {
          throw problem(
              resource,
              n,
              "alias '%s' already names '%s' (line %d)"
                  .formatted(alias, previous.name(), aliasLine.get(key)));
        }
        aliasLine.putIfAbsent(key, n);
      }
    }
    return new PlaceGazetteer(byAlias, maxWords, places);
  }

  private static List<String> list(String cell, String separator) {
    if (cell.isBlank() || cell.equals("-")) {
      return List.of();
    }
    return List.of(cell.strip().split("\\s*" + separator + "\\s*"));
  }

  private static IllegalStateException problem(String resource, int line, String message) {
    return new IllegalStateException(
        "Gazetteer resource '" + resource + "' line " + line + ": " + message);
  }

  /**
   * Finds every place in {@code text}, left to right, longest alias first.
   *
   * @return PLACE entities with attributes country, kind, role and route; empty if none
   */
  List<Entity> find(NormalizedText text) {
    List<WordTokens.Word> words = WordTokens.of(text.text());
    List<String> folded = words.stream().map(w -> Fold.fold(w.text())).toList();
    List<Entity> found = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int matched = 0;
      // Most words start no alias of several words: only their one-word lookup can match.
      int longest = startsMultiWordAlias(folded.get(i)) ? maxWords : 1;
      for (int n = Math.min(longest, words.size() - i); n >= 1 && matched == 0; n--) {
        Place place = lookup(folded.subList(i, i + n));
        if (place != null) {
          found.add(entity(text, words.get(i).start(), words.get(i + n - 1).end(), place));
          matched = n;
        }
      }
      i += Math.max(matched, 1);
    }
    return found;
  }

  private boolean startsMultiWordAlias(String word) {
    for (String first : firstWordVariants(word)) {
      if (firstWords.contains(first)) {
        return true;
      }
    }
    return false;
  }

  private Place lookup(List<String> words) {
    String middle =
        words.size() > 2 ? " " + String.join(" ", words.subList(1, words.size() - 1)) : "";
    for (String first : firstWordVariants(words.get(0))) {
      if (words.size() == 1) {
        for (String only : lastWordVariants(first)) {
          Place place = byAlias.get(only);
          if (place != null) {
            return place;
          }
        }
        continue;
      }
      for (String last : lastWordVariants(words.get(words.size() - 1))) {
        Place place = byAlias.get(first + middle + " " + last);
        if (place != null) {
          return place;
        }
      }
    }
    return null;
  }

  /**
   * The word, and for Arabic script the word without a proclitic and without the article, so {@code
   * والزوارة} tries {@code الزوارة} and {@code زوارة}; {@code للجزائر} tries {@code الجزائر}.
   * Aliases are registered only as written, so an alias that is a common word without its article
   * is not matched by the bare word.
   */
  private static List<String> firstWordVariants(String word) {
    if (word.isEmpty() || !Fold.isArabicScript(word.charAt(0))) {
      return List.of(word);
    }
    List<String> variants = new ArrayList<>(List.of(word));
    String rest = word;
    if (rest.startsWith("لل") && rest.length() >= 5) {
      rest = "ال" + rest.substring(2);
      variants.add(rest);
    } else {
      for (String clitic : ARABIC_CLITICS) {
        if (rest.startsWith(clitic) && rest.length() >= 4) {
          rest = rest.substring(1);
          variants.add(rest);
          break;
        }
      }
    }
    if (rest.startsWith("ال") && rest.length() >= 5) {
      variants.add(rest.substring(2));
    }
    return variants;
  }

  private static List<String> lastWordVariants(String word) {
    if (word.length() > 3 && Fold.isArabicScript(word.charAt(0)) && word.endsWith("ي")) {
      return List.of(word, word.substring(0, word.length() - 1)); // Persian ezafe
    }
    return List.of(word);
  }

  private static Entity entity(NormalizedText text, int start, int end, Place place) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("country", place.country());
    attributes.put("kind", place.kind());
    if (!place.roles().isEmpty()) {
      attributes.put("role", String.join(",", place.roles()));
    }
    if (!place.routes().isEmpty()) {
      attributes.put("route", String.join(",", place.routes()));
    }
    return Spans.entity(text, Entity.Type.PLACE, start, end, place.name(), attributes);
  }
}

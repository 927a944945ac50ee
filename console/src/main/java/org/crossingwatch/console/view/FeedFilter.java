package org.crossingwatch.console.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which alerts the feed shows. Built from URL query parameters so a filtered feed can be shared as
 * a link; every field is optional and absent means "any".
 *
 * @param statuses triage statuses to keep; empty keeps all
 * @param language a detected language (BCP 47) the alert must have
 * @param platform the post's platform
 * @param channel the channel the alert was seen in (any sighting), case-insensitive
 * @param category a matched rule category
 * @param minScore the lowest score to keep, 0 to 1
 * @param from keep alerts last seen at or after this instant
 * @param to keep alerts first seen before this instant
 * @param limit at most this many alerts, 1 to 1000
 */
public record FeedFilter(
    Set<TriageStatus> statuses,
    Optional<String> language,
    Optional<String> platform,
    Optional<String> channel,
    Optional<String> category,
    double minScore,
    Optional<Instant> from,
    Optional<Instant> to,
    int limit) {

  /** The default page size of the feed. */
  public static final int DEFAULT_LIMIT = 200;

  public FeedFilter {
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new IllegalArgumentException("minScore must be between 0 and 1, was " + minScore);
    }
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException(
          "from must be before to, was from=" + from.get() + " to=" + to.get());
    }
  }

  /** Everything, newest first, one default page. */
  public static FeedFilter all() {
    return new FeedFilter(
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0.0,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_LIMIT);
  }

  /**
   * Reads a filter from query parameters ({@code status} may repeat or be comma-separated).
   *
   * @throws IllegalArgumentException with a message naming the parameter and the bad value
   */
  public static FeedFilter fromQuery(Map<String, List<String>> query) {
    Set<TriageStatus> statuses = EnumSet.noneOf(TriageStatus.class);
    for (String value : query.getOrDefault("status", List.of())) {
      for (String part : value.split(",", -1)) {
        if (!part.isBlank()) {
          statuses.add(TriageStatus.parse(part));
        }
      }
    }
    double minScore = 0.0;
    Optional<String> score = single(query, "minScore");
    if (score.isPresent()) {
      try {
        minScore = Double.parseDouble(score.get());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "minScore must be a number between 0 and 1, was '" + score.get() + "'", e);
      }
    }
    int limit = DEFAULT_LIMIT;
    Optional<String> size = single(query, "limit");
    if (size.isPresent()) {
      try {
        limit = Integer.parseInt(size.get());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "limit must be a whole number between 1 and 1000, was '" + size.get() + "'", e);
      }
    }
    return new FeedFilter(
        statuses,
        single(query, "language").map(s -> s.toLowerCase(Locale.ROOT)),
        single(query, "platform").map(s -> s.toLowerCase(Locale.ROOT)),
        single(query, "channel"),
        single(query, "category"),
        minScore,
        single(query, "from").map(v -> instant("from", v, false)),
        single(query, "to").map(v -> instant("to", v, true)),
        limit);
  }

  /**
   * Reads an ISO-8601 instant ({@code 2025-06-01T10:00:00Z}) or a date ({@code 2025-06-01}, UTC); a
   * date used as an upper bound means the end of that day.
   *
   * @throws IllegalArgumentException naming the parameter and the value
   */
  public static Instant instant(String name, String value, boolean endOfDay) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name
              + " must be a date (2025-06-01) or an instant (2025-06-01T10:00:00Z), was '"
              + value
              + "'",
          e);
    }
  }

  /** True when an alert in {@code status} passes this filter. */
  public boolean matches(AlertRecord record, TriageStatus status) {
    var alert = record.alert();
    var post = alert.post();
    return (statuses.isEmpty() || statuses.contains(status))
        && language.map(l -> alert.verdict().languages().contains(l)).orElse(true)
        && platform.map(p -> post.platform().equalsIgnoreCase(p)).orElse(true)
        && channel
            .map(
                c ->
                    post.channel().equalsIgnoreCase(c)
                        || alert.channels().stream()
                            .anyMatch(
                                seen ->
                                    seen.equalsIgnoreCase(c)
                                        || seen.toLowerCase(Locale.ROOT)
                                            .endsWith(":" + c.toLowerCase(Locale.ROOT))))
            .orElse(true)
        && category.map(c -> alert.verdict().categories().contains(c)).orElse(true)
        && alert.verdict().score() >= minScore
        && from.map(f -> !alert.lastSeen().isBefore(f)).orElse(true)
        && to.map(t -> alert.firstSeen().isBefore(t)).orElse(true);
  }

  private static Optional<String> single(Map<String, List<String>> query, String name) {
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new IllegalArgumentException(name + " may be given once, was given " + values.size());
    }
    return values.stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
  }
}

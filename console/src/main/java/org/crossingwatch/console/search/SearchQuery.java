package org.crossingwatch.console.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.console.view.EntityExtractor;
import org.crossingwatch.console.view.FeedFilter;

/**
 * What an officer searches for; every criterion is optional, at least one is given, and all given
 * ones must match.
 *
 * @param text free text, matched against the post text, author and channel (words, {@code
 *     "phrases"}, {@code -excluded})
 * @param phone a phone number in E.164, already normalised
 * @param handle a Telegram/WhatsApp handle, lower case, without {@code @}
 * @param wallet a crypto wallet address
 * @param channel a channel name or {@code platform:channel}, lower case
 * @param from alerts seen at or after this instant
 * @param to alerts first seen before this instant
 */
public record SearchQuery(
    Optional<String> text,
    Optional<String> phone,
    Optional<String> handle,
    Optional<String> wallet,
    Optional<String> channel,
    Optional<Instant> from,
    Optional<Instant> to) {

  public SearchQuery {
    if (text.isEmpty()
        && phone.isEmpty()
        && handle.isEmpty()
        && wallet.isEmpty()
        && channel.isEmpty()
        && from.isEmpty()
        && to.isEmpty()) {
      throw new IllegalArgumentException(
          "Give at least one of q, phone, handle, wallet, channel, from, to");
    }
  }

  /**
   * Reads a query from URL parameters {@code q}, {@code phone}, {@code handle}, {@code wallet},
   * {@code channel}, {@code from}, {@code to}. The phone may be written in any international form
   * and is normalised to E.164 here.
   *
   * @throws IllegalArgumentException naming the parameter and the bad value
   */
  public static SearchQuery fromQuery(Map<String, List<String>> query) {
    Optional<String> phone =
        single(query, "phone")
            .map(
                written ->
                    EntityExtractor.normalizePhone(written)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "phone '"
                                        + written
                                        + "' is not an international number: write it with its"
                                        + " country code, for example +90 532 123 45 67 or"
                                        + " 0090 532 123 45 67")));
    return new SearchQuery(
        single(query, "q"),
        phone,
        single(query, "handle")
            .map(
                h ->
                    h.replaceFirst("^(?:https?://)?(?:t\\.me|telegram\\.me)/", "")
                        .replaceFirst("^@", "")
                        .toLowerCase(Locale.ROOT)),
        single(query, "wallet").map(SearchQuery::wallet),
        single(query, "channel").map(c -> c.toLowerCase(Locale.ROOT)),
        single(query, "from").map(v -> FeedFilter.instant("from", v, false)),
        single(query, "to").map(v -> FeedFilter.instant("to", v, true)));
  }

  /** Wallets compare case-insensitively only where the address format does (0x hex). */
  static String wallet(String value) {
    return value.startsWith("0x") ? value.toLowerCase(Locale.ROOT) : value;
  }

  private static Optional<String> single(Map<String, List<String>> query, String name) {
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new IllegalArgumentException(name + " may be given once, was given " + values.size());
    }
    Optional<String> value =
        values.stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
    if (value.isPresent() && value.get().length() > 500) {
      throw new IllegalArgumentException(
          name + " must be at most 500 characters, was " + value.get().length());
    }
    return value;
  }
}

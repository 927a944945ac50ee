package org.crossingwatch.stream.links;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Verdict;

/**
 * The keys alerts are linked by: {@code phone:+E164}, {@code handle:@name}, {@code wallet:address}
 * and {@code domain:host} of a link. Prices and places are left out (many unrelated ads share
 * them), and so are the domains of the big platforms, which say nothing about who posted.
 */
public final class EntityKeys {
  /** Link domains that never link two ads. */
  static final Set<String> PLATFORM_DOMAINS =
      Set.of(
          "t.me",
          "telegram.me",
          "wa.me",
          "whatsapp.com",
          "chat.whatsapp.com",
          "facebook.com",
          "m.facebook.com",
          "instagram.com",
          "tiktok.com",
          "youtube.com",
          "youtu.be",
          "x.com",
          "twitter.com",
          "google.com",
          "maps.google.com");

  private EntityKeys() {}

  /**
   * The distinct link keys of a verdict's entities, in text order, each with its entity type.
   *
   * @return key to type name ({@code PHONE}, {@code HANDLE}, {@code WALLET}, {@code LINK}); empty
   *     when none links
   */
  public static Map<String, String> of(Verdict verdict) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (ExtractedEntity entity : verdict.entities()) {
      keyOf(entity).ifPresent(key -> keys.putIfAbsent(key, entity.type().name()));
    }
    return keys;
  }

  /** The link key of one entity, if it is of a linking kind. */
  static Optional<String> keyOf(ExtractedEntity entity) {
    String normalized = entity.normalized();
    return switch (entity.type()) {
      case PHONE -> Optional.of("phone:" + normalized);
      case HANDLE -> Optional.of("handle:" + normalized.toLowerCase(Locale.ROOT));
      case WALLET -> Optional.of("wallet:" + normalized);
      case LINK -> domainOf(normalized).map(domain -> "domain:" + domain);
      case PRICE, PLACE -> Optional.empty();
    };
  }

  /** The host of a link in lower case without {@code www.}, unless it is a platform's. */
  static Optional<String> domainOf(String link) {
    String withScheme = link.contains("://") ? link : "https://" + link;
    String host;
    try {
      host = URI.create(withScheme.replace(" ", "%20")).getHost();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    return PLATFORM_DOMAINS.contains(host) ? Optional.empty() : Optional.of(host);
  }
}

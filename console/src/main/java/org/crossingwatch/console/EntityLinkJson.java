package org.crossingwatch.console;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.model.EntityLink;

/**
 * One line of the alert detail's "This number appears in 3 alerts across 2 channels": an {@link
 * EntityLink} as JSON, with the console search that finds the entity. The page builds the sentence;
 * the entity key is attacker-controlled text and is only ever sent as a JSON string.
 */
final class EntityLinkJson {
  private EntityLinkJson() {}

  /**
   * The link as JSON: {@code entity}, {@code kind}, {@code value} (the key without its {@code
   * phone:}-style prefix), {@code alertCount}, {@code channelCount}, {@code firstSeen}, {@code
   * lastSeen} and, when the console can search for this kind of key, {@code search}: the page
   * address of that search.
   */
  static Map<String, Object> of(EntityLink link) {
    Objects.requireNonNull(link, "link");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("entity", link.entity());
    json.put("kind", link.kind());
    json.put("value", value(link.entity()));
    json.put("alertCount", link.alertCount());
    json.put("channelCount", link.channelCount());
    json.put("firstSeen", link.firstSeen());
    json.put("lastSeen", link.lastSeen());
    search(link.entity()).ifPresent(s -> json.put("search", s));
    return json;
  }

  /**
   * The console search for a link key: {@code phone:}, {@code handle:} and {@code wallet:} keys map
   * to their own search fields; a {@code domain:} key to a text search for the host name, which
   * finds posts that write the bare domain. Empty for any other prefix.
   */
  static Optional<String> search(String entity) {
    String value = value(entity);
    String parameter =
        switch (entity.substring(0, Math.max(0, entity.indexOf(':')))) {
          case "phone" -> "phone";
          case "handle" -> "handle";
          case "wallet" -> "wallet";
          case "domain" -> "q";
          default -> null;
        };
    if (parameter == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of("/?view=search&" + parameter + "=" + URLEncoder.encode(value, UTF_8));
  }

  private static String value(String entity) {
    return entity.substring(entity.indexOf(':') + 1);
  }
}

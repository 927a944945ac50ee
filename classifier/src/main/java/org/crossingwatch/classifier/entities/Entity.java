package org.crossingwatch.classifier.entities;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entity found in a post: a phone number, a price, a messenger handle, a link, a crypto wallet
 * or a place on a known route.
 *
 * @param type what kind of entity this is
 * @param value the entity exactly as written in the original text ({@code original.substring(start,
 *     end)})
 * @param normalized the comparable form: E.164 for phones ({@code +218912345678}), {@code "3000
 *     USD"} for prices, {@code "@name"} or {@code "whatsapp:+218912345678"} for handles, the URL
 *     with a lower-case scheme and host for links, the address for wallets, the canonical name for
 *     places
 * @param start first UTF-16 offset in the original text (inclusive)
 * @param end last UTF-16 offset in the original text (exclusive), greater than {@code start}
 * @param attributes details per type, e.g. {@code region=LY}, {@code currency=USD}, {@code
 *     amount=3000}, {@code app=whatsapp}, {@code chain=BTC}, {@code country=LY}; never null
 */
public record Entity(
    Type type,
    String value,
    String normalized,
    int start,
    int end,
    Map<String, String> attributes) {

  /** The kinds of entity the {@link EntityExtractor} finds. */
  public enum Type {
    /** A phone number, normalised to E.164. */
    PHONE,
    /** An amount of money with its currency. */
    PRICE,
    /** A Telegram, WhatsApp, Signal, Viber, Instagram or TikTok account, group or number. */
    HANDLE,
    /** Any other web link. */
    LINK,
    /** A Bitcoin, Ethereum or TRON address. */
    WALLET,
    /** A place on a known migration route, or a destination country. */
    PLACE
  }

  /** Validates and copies; see the record description for each component's rule. */
  public Entity {
    requireNonNull(type, "type");
    requireNonNull(value, "value");
    requireNonNull(normalized, "normalized");
    requireNonNull(attributes, "attributes");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("value of a " + type + " entity must not be empty");
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "span [" + start + ", " + end + ") of " + type + " '" + value + "' is not a valid range");
    }
    attributes.forEach((name, v) -> requireNonNull(v, () -> "attribute '" + name + "'"));
    // Sorted by name, so verdict JSON lists them in the same order on every run.
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** Length of the span in the original text, in UTF-16 units. */
  public int length() {
    return end - start;
  }

  /** Whether this entity's span lies entirely inside {@code other}'s span. */
  public boolean isInside(Entity other) {
    return start >= other.start && end <= other.end;
  }

  /** Whether this entity's span shares at least one character with {@code other}'s span. */
  public boolean overlaps(Entity other) {
    return start < other.end && other.start < end;
  }
}

package org.crossingwatch.model;

import static org.crossingwatch.model.Fields.map;
import static org.crossingwatch.model.Fields.required;
import static org.crossingwatch.model.Fields.requiredText;

import java.util.Map;

/**
 * Something concrete found in a post: a phone number, a price, a handle, a link, a wallet or a
 * place.
 *
 * @param type what kind of thing it is
 * @param value the text as written in the post
 * @param normalized the canonical form: E.164 for phones, {@code 3000 EUR} for prices, {@code
 *     @name} for handles, the address for wallets, the canonical name for places
 * @param start offset of the first character in {@link Post#text()} (UTF-16 units)
 * @param end offset after the last character
 * @param attributes further facts, for example {@code region=LY}, {@code currency=EUR}, {@code
 *     app=whatsapp}, {@code chain=BTC}, {@code country=IT}
 */
public record ExtractedEntity(
    Type type,
    String value,
    String normalized,
    int start,
    int end,
    Map<String, String> attributes) {

  /** The kinds of entity. */
  public enum Type {
    PHONE,
    PRICE,
    HANDLE,
    LINK,
    WALLET,
    PLACE
  }

  public ExtractedEntity {
    required(type, "ExtractedEntity", "type");
    required(value, "ExtractedEntity", "value");
    requiredText(normalized, "ExtractedEntity", "normalized");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "ExtractedEntity "
              + normalized
              + " must have 0 <= start <= end, was "
              + start
              + ".."
              + end);
    }
    attributes = map(attributes);
  }
}

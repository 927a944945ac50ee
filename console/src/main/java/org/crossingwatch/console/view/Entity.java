package org.crossingwatch.console.view;

import java.util.Objects;

/**
 * Something found in a post that identifies a smuggler or a route: a phone, price, handle, wallet
 * or place.
 *
 * @param type {@code phone}, {@code price}, {@code handle}, {@code wallet} or {@code place}
 * @param value as written in the post
 * @param normalized the comparable form (E.164 for phones, lower case without {@code @} for
 *     handles); what search and linking match on
 * @param start first UTF-16 index in the text, or -1 when unknown
 * @param end last UTF-16 index, exclusive, or -1 when unknown
 */
public record Entity(String type, String value, String normalized, int start, int end) {
  public Entity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(normalized, "normalized");
  }
}

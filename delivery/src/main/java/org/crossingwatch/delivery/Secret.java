package org.crossingwatch.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A secret (SMTP password, webhook signing key, chat webhook URL, access token) and where it came
 * from. Its {@link #toString()} names only the origin, so a secret logged or printed by mistake
 * shows as {@code Secret[env CW_SMTP_PASSWORD]}; only {@link #reveal()} gives the value.
 */
public final class Secret {
  private final String origin;
  private final String value;

  private Secret(String origin, String value) {
    this.origin = requireNonNull(origin, "origin");
    this.value = requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("Secret from " + origin + " is empty");
    }
  }

  /**
   * A secret with its origin.
   *
   * @param origin where the value came from, for example {@code env CW_SMTP_PASSWORD}; shown in
   *     messages instead of the value
   * @param value the secret value, not empty
   */
  public static Secret of(String origin, String value) {
    return new Secret(origin, value);
  }

  /** Where the value came from, for example {@code file /run/secrets/smtp}. */
  public String origin() {
    return origin;
  }

  /** The value. Never log it. */
  public String reveal() {
    return value;
  }

  /** The value as UTF-8 bytes, for signing keys. */
  public byte[] revealBytes() {
    return value.getBytes(UTF_8);
  }

  @Override
  public String toString() {
    return "Secret[" + origin + "]";
  }
}

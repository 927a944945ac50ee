package org.crossingwatch.delivery.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the shared
 * secret, of {@code <timestamp>.<body>}, where the timestamp is the {@value #TIMESTAMP_HEADER}
 * header (Unix seconds) and the body the exact bytes received. Receivers recompute it, compare in
 * constant time and refuse timestamps too far from their clock, which stops replays.
 */
public final class WebhookSignature {
  /** Header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-CrossingWatch-Signature";

  /** Header carrying the signing time in Unix seconds. */
  public static final String TIMESTAMP_HEADER = "X-CrossingWatch-Timestamp";

  /** Header carrying the delivery id, the same on every retry. */
  public static final String DELIVERY_HEADER = "X-CrossingWatch-Delivery";

  /** Header carrying the event name, for example {@code alert.new}. */
  public static final String EVENT_HEADER = "X-CrossingWatch-Event";

  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The signature header value for {@code body} signed at {@code timestampSeconds}. */
  public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
    requireNonNull(secret, "secret");
    requireNonNull(body, "body");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(UTF_8));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }

  /**
   * Checks a received webhook.
   *
   * @param secret the shared secret
   * @param timestampHeader the {@value #TIMESTAMP_HEADER} header as received (may be null)
   * @param body the body bytes as received
   * @param signatureHeader the {@value #SIGNATURE_HEADER} header as received (may be null)
   * @param now the receiver's time
   * @param tolerance how far the timestamp may be from {@code now}, for example 5 minutes
   * @return true when the signature matches and the timestamp is within the tolerance
   */
  public static boolean verify(
      byte[] secret,
      String timestampHeader,
      byte[] body,
      String signatureHeader,
      Instant now,
      Duration tolerance) {
    if (timestampHeader == null || signatureHeader == null) {
      return false;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(UTF_8);
    return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(UTF_8));
  }
}

package org.crossingwatch.delivery.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] SECRET = "shared-key".getBytes(UTF_8);
  private static final byte[] BODY = "{\"event\":\"alert.new\",\"text\":\"رحلة\"}".getBytes(UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1_750_000_000L);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void signatureIsHexHmacOfTimestampDotBody() {
    assertThat(WebhookSignature.sign(SECRET, 1_750_000_000L, "{}".getBytes(UTF_8)))
        .isEqualTo("sha256=" + hmacOfTimestampDotEmptyObject());
  }

  @Test
  void receiverAcceptsAFreshSignatureAndRefusesTamperingReplayAndWrongKey() {
    String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
    String ts = Long.toString(NOW.getEpochSecond());

    assertThat(WebhookSignature.verify(SECRET, ts, BODY, signature, NOW, FIVE_MINUTES)).isTrue();
    assertThat(
            WebhookSignature.verify(
                SECRET, ts, "{\"event\":\"x\"}".getBytes(UTF_8), signature, NOW, FIVE_MINUTES))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                SECRET, ts, BODY, signature, NOW.plus(Duration.ofMinutes(6)), FIVE_MINUTES))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                "other".getBytes(UTF_8), ts, BODY, signature, NOW, FIVE_MINUTES))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, null, BODY, signature, NOW, FIVE_MINUTES)).isFalse();
  }

  private static String hmacOfTimestampDotEmptyObject() {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal("1750000000.{}".getBytes(UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}

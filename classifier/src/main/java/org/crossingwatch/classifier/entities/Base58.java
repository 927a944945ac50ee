package org.crossingwatch.classifier.entities;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58check decoding as used by Bitcoin and TRON addresses. */
final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58() {}

  /**
   * Decodes {@code text} and checks its 4-byte double-SHA-256 checksum.
   *
   * @return the payload without the checksum, or null if the text is not valid base58check
   */
  static byte[] decodeChecked(String text) {
    BigInteger value = BigInteger.ZERO;
    int leadingZeros = 0;
    while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
      leadingZeros++;
    }
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        return null;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.toByteArray();
    int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0; // BigInteger's sign byte
    if (value.signum() == 0) {
      skip = magnitude.length;
    }
    byte[] bytes = new byte[leadingZeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, bytes, leadingZeros, magnitude.length - skip);
    if (bytes.length < 5) {
      return null;
    }
    byte[] payload = Arrays.copyOfRange(bytes, 0, bytes.length - 4);
    byte[] checksum = Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length);
    byte[] hash = sha256(sha256(payload));
    return Arrays.equals(checksum, Arrays.copyOf(hash, 4)) ? payload : null;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}

package org.crossingwatch.classifier.entities;

import java.util.Locale;

/** Bech32 (BIP-173) and bech32m (BIP-350) checksum checks for SegWit addresses. */
final class Bech32 {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  private Bech32() {}

  /**
   * Whether {@code address} is a SegWit address for {@code hrp}: one case only, a valid checksum
   * (bech32 for witness version 0, bech32m for versions 1 to 16) and a program of 2 to 40 bytes.
   */
  static boolean isValidSegwitAddress(String address, String hrp) {
    if (!address.equals(address.toLowerCase(Locale.ROOT))
        && !address.equals(address.toUpperCase(Locale.ROOT))) {
      return false;
    }
    String lower = address.toLowerCase(Locale.ROOT);
    int separator = lower.lastIndexOf('1');
    if (separator < 1 || !lower.substring(0, separator).equals(hrp) || lower.length() > 90) {
      return false;
    }
    int[] data = new int[lower.length() - separator - 1];
    for (int i = 0; i < data.length; i++) {
      data[i] = CHARSET.indexOf(lower.charAt(separator + 1 + i));
      if (data[i] < 0) {
        return false;
      }
    }
    if (data.length < 7) {
      return false;
    }
    int witnessVersion = data[0];
    int expected = witnessVersion == 0 ? BECH32_CONST : BECH32M_CONST;
    if (witnessVersion > 16 || polymod(hrp, data) != expected) {
      return false;
    }
    int programBits = (data.length - 7) * 5; // version char and 6 checksum chars excluded
    int programBytes = programBits / 8;
    if (programBits % 8 >= 5 || programBytes < 2 || programBytes > 40) {
      return false;
    }
    return witnessVersion != 0 || programBytes == 20 || programBytes == 32;
  }

  static int polymod(String hrp, int[] data) {
    int chk = 1;
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) >> 5);
    }
    chk = step(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) & 31);
    }
    for (int value : data) {
      chk = step(chk, value);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }
}

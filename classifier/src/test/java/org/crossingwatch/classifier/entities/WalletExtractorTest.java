package org.crossingwatch.classifier.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.entities.Entities.expected;
import static org.crossingwatch.classifier.entities.Entity.Type.WALLET;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.junit.jupiter.api.Test;

class WalletExtractorTest {
  private final WalletExtractor extractor = new WalletExtractor();
  private final Random random = new Random(42);

  private List<Entity> wallets(String text) {
    return extractor.extract(Normalizer.normalize(text));
  }

  @Test
  void findsBitcoinLegacyAndScriptAddressesWithValidChecksums() {
    String p2pkh = base58Check(0x00, randomBytes(20));
    String p2sh = base58Check(0x05, randomBytes(20));
    String text = "BTC: " + p2pkh + " أو " + p2sh;

    assertThat(wallets(text))
        .containsExactly(
            expected(WALLET, text, p2pkh, p2pkh, Map.of("chain", "BTC", "format", "p2pkh")),
            expected(WALLET, text, p2sh, p2sh, Map.of("chain", "BTC", "format", "p2sh")));
  }

  @Test
  void findsTronAddressesForUsdtTrc20() {
    String tron = base58Check(0x41, randomBytes(20));
    String text = "USDT TRC20 " + tron;

    assertThat(wallets(text))
        .containsExactly(
            expected(WALLET, text, tron, tron, Map.of("chain", "TRON", "format", "base58check")));
  }

  @Test
  void findsBech32AndBech32mSegwitAddresses() {
    String v0 = segwit(0, randomBytes(20), 1);
    String v1 = segwit(1, randomBytes(32), 0x2bc830a3);
    String text = "send to " + v0 + ", or taproot " + v1;

    assertThat(wallets(text))
        .containsExactly(
            expected(WALLET, text, v0, v0, Map.of("chain", "BTC", "format", "bech32")),
            expected(WALLET, text, v1, v1, Map.of("chain", "BTC", "format", "bech32")));
  }

  @Test
  void findsEthereumAddresses() {
    String eth = String.format(Locale.ROOT, "0x%040x", new BigInteger(1, randomBytes(20)));
    String text = "ERC20: " + eth;

    assertThat(wallets(text))
        .containsExactly(expected(WALLET, text, eth, eth, Map.of("chain", "ETH", "format", "hex")));
  }

  @Test
  void rejectsAddressesWithABrokenChecksum() {
    String p2pkh = base58Check(0x00, randomBytes(20));
    String tron = base58Check(0x41, randomBytes(20));
    String v0 = segwit(0, randomBytes(20), 1);
    String text =
        String.join(
            " ",
            corrupt(p2pkh),
            corrupt(tron),
            corrupt(v0),
            segwit(0, randomBytes(20), 0x2bc830a3));

    assertThat(wallets(text)).isEmpty();
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Changes the next-to-last character, so the checksum no longer holds. */
  private static String corrupt(String address) {
    char c = address.charAt(address.length() - 2);
    char replacement = c == 'q' ? 'p' : c == 'x' ? 'y' : c == '2' ? '3' : 'q';
    if (Character.isUpperCase(c)) {
      replacement = c == 'Q' ? 'P' : 'Q';
    }
    return address.substring(0, address.length() - 2)
        + replacement
        + address.charAt(address.length() - 1);
  }

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private static String base58Check(int version, byte[] hash160) {
    byte[] payload = new byte[21];
    payload[0] = (byte) version;
    System.arraycopy(hash160, 0, payload, 1, 20);
    byte[] checksum = Arrays.copyOf(sha256(sha256(payload)), 4);
    byte[] full = Arrays.copyOf(payload, 25);
    System.arraycopy(checksum, 0, full, 21, 4);
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, full);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(BigInteger.valueOf(58));
      out.append(BASE58.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (int i = 0; i < full.length && full[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  private static String segwit(int version, byte[] program, int constant) {
    int[] five = toFiveBits(program);
    int[] data = new int[1 + five.length];
    data[0] = version;
    System.arraycopy(five, 0, data, 1, five.length);
    int[] withZeros = Arrays.copyOf(data, data.length + 6);
    int polymod = Bech32.polymod("bc", withZeros) ^ constant;
    StringBuilder out = new StringBuilder("bc1");
    for (int d : data) {
      out.append(BECH32.charAt(d));
    }
    for (int i = 0; i < 6; i++) {
      out.append(BECH32.charAt((polymod >>> (5 * (5 - i))) & 31));
    }
    return out.toString();
  }

  private static int[] toFiveBits(byte[] bytes) {
    int[] out = new int[(bytes.length * 8 + 4) / 5];
    int acc = 0;
    int bits = 0;
    int n = 0;
    for (byte b : bytes) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out[n++] = (acc >>> bits) & 31;
      }
    }
    if (bits > 0) {
      out[n++] = (acc << (5 - bits)) & 31;
    }
    return out;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

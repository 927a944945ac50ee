package org.crossingwatch.classifier.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.normalize.NormalizedText;

/**
 * Finds crypto wallet addresses whose checksum holds, so random strings of the right shape do not
 * count: Bitcoin legacy and script addresses (base58check, version 0x00 or 0x05), Bitcoin SegWit
 * addresses (bech32 or bech32m with human-readable part {@code bc}), TRON addresses (base58check,
 * version 0x41; USDT-TRC20 lives there) and Ethereum addresses ({@code 0x} and 40 hex digits;
 * USDT-ERC20; the EIP-55 mixed-case checksum needs Keccak-256 and is not checked). Thread-safe.
 */
final class WalletExtractor {
  private static final String EDGE_BEFORE = "(?<![A-Za-z0-9])";
  private static final String EDGE_AFTER = "(?![A-Za-z0-9])";
  private static final Pattern BASE58_BTC =
      Pattern.compile(EDGE_BEFORE + "[13][1-9A-HJ-NP-Za-km-z]{25,34}" + EDGE_AFTER);
  private static final Pattern BASE58_TRON =
      Pattern.compile(EDGE_BEFORE + "T[1-9A-HJ-NP-Za-km-z]{33}" + EDGE_AFTER);
  private static final Pattern BECH32 =
      Pattern.compile(
          EDGE_BEFORE + "(?:bc1[02-9ac-hj-np-z]{8,87}|BC1[02-9AC-HJ-NP-Z]{8,87})" + EDGE_AFTER);

  /**
   * No address is shorter: {@code bc1} and 8 characters ({@link #BECH32}); the others are longer.
   */
  private static final int SHORTEST_ADDRESS = 11;

  private static final Pattern ETHEREUM =
      Pattern.compile(EDGE_BEFORE + "0x[0-9a-fA-F]{40}" + EDGE_AFTER);

  /**
   * Finds the wallet addresses in {@code text}.
   *
   * @return WALLET entities normalised to the address, with attributes {@code chain} ({@code BTC},
   *     {@code ETH}, {@code TRON}) and {@code format}; empty if none
   */
  List<Entity> extract(NormalizedText text) {
    List<Entity> found = new ArrayList<>();
    if (longestAsciiAlphanumericRun(text.text()) < SHORTEST_ADDRESS) {
      return found;
    }
    Matcher m = BASE58_BTC.matcher(text.text());
    while (m.find()) {
      byte[] payload = Base58.decodeChecked(m.group());
      if (payload != null && payload.length == 21 && (payload[0] == 0x00 || payload[0] == 0x05)) {
        found.add(wallet(text, m, "BTC", payload[0] == 0x00 ? "p2pkh" : "p2sh"));
      }
    }
    m = BASE58_TRON.matcher(text.text());
    while (m.find()) {
      byte[] payload = Base58.decodeChecked(m.group());
      if (payload != null && payload.length == 21 && payload[0] == 0x41) {
        found.add(wallet(text, m, "TRON", "base58check"));
      }
    }
    m = BECH32.matcher(text.text());
    while (m.find()) {
      if (Bech32.isValidSegwitAddress(m.group(), "bc")) {
        found.add(wallet(text, m, "BTC", "bech32"));
      }
    }
    m = ETHEREUM.matcher(text.text());
    while (m.find()) {
      found.add(wallet(text, m, "ETH", "hex"));
    }
    return found;
  }

  /** The length of the longest run of {@code [A-Za-z0-9]}; every address is one such run. */
  static int longestAsciiAlphanumericRun(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      run = alphanumeric ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private static Entity wallet(NormalizedText text, Matcher m, String chain, String format) {
    return Spans.entity(
        text,
        Entity.Type.WALLET,
        m.start(),
        m.end(),
        m.group(),
        Map.of("chain", chain, "format", format));
  }
}

package org.crossingwatch.classifier.entities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.normalize.NormalizedText;

/**
 * Finds amounts of money with their currency: {@code 3000$}, {@code €2.500}, {@code 3,5k €}, {@code
 * ٣٬٠٠٠ دولار}, {@code ۵۰ میلیون تومان}, {@code 150 millions de centimes}, {@code USD 1500}. The
 * currency may come before or after the amount; an amount with no currency is not a price. Thousand
 * separators are {@code , . ' ٬} and spaces when followed by exactly three digits; otherwise {@code
 * .}, {@code ,} and {@code ٫} are decimal marks. Thread-safe.
 */
final class PriceExtractor {
  /** Up to three spaces: the normaliser pads currency-sign tokens with spaces of their own. */
  private static final String SPACES = "[\\s\\u00A0\\u202F]{0,3}";

  private static final String AMOUNT =
      "(?<![\\p{L}\\p{N}.,٫٬])(?:\\d{1,3}(?:[,.٬'\\u00A0\\u202F\\u2009 ]\\d{3})+(?:[.,٫]\\d{1,2})?"
          + "|\\d+(?:[.,٫]\\d{1,2})?)(?![\\d])";
  private static final String MULTIPLIER =
      "(?:" + SPACES + "(?<%s>" + CurrencyWords.multiplierAlternation() + ")(?![\\p{L}]))?";
  private static final String CURRENCY =
      "(?<%s>(?-i:"
          + String.join("|", CurrencyWords.CODES)
          + ")|(?:"
          + CurrencyWords.wordAlternation()
          + "))(?![\\p{L}\\p{N}])";

  private static final Pattern PRICE =
      Pattern.compile(
          "(?iu)(?<amountA>"
              + AMOUNT
              + ")"
              + MULTIPLIER.formatted("multA")
              + SPACES
              + "(?:(?:de|d')"
              + SPACES
              + ")?"
              + CURRENCY.formatted("curA")
              + "|(?<![\\p{L}\\p{N}])"
              + CURRENCY.formatted("curB")
              + SPACES
              + "(?<amountB>"
              + AMOUNT
              + ")"
              + MULTIPLIER.formatted("multB"));

  /**
   * Whether a price can start at a char: a price starts with its amount (an ASCII digit) or its
   * currency, and this table, indexed by char, holds the chars that the currency pattern accepts as
   * its first (found by the regex engine itself: a one-char input matches or runs out).
   */
  private static final boolean[] CURRENCY_MAY_START = currencyFirstChars();

  private static final Pattern GROUPED_THOUSANDS =
      Pattern.compile("\\d{1,3}(?:[,.٬'\\u00A0\\u202F\\u2009 ]\\d{3})+(?:[.,٫]\\d{1,2})?");

  /**
   * Finds the prices in {@code text}.
   *
   * @param regions candidate regions, most likely first, to tell which dinar, lira or rial is meant
   * @return PRICE entities normalised as {@code "3000 USD"}, with attributes {@code amount}, {@code
   *     currency} and, for tomans and centimes, {@code unit}; empty if none
   */
  List<Entity> extract(NormalizedText text, List<String> regions) {
    List<Entity> found = new ArrayList<>();
    String s = text.text();
    if (!hasAsciiDigit(s)) {
      return found; // every price has an amount
    }
    // Matcher.find() tried the whole pattern at every char; trying it only where a price can
    // start finds the same matches (transparent bounds let the look-behinds see before `from`).
    Matcher m = PRICE.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    while ((from = nextPossibleStart(s, from)) >= 0) {
      m.region(from, s.length());
      if (!m.lookingAt()) {
        from++;
        continue;
      }
      from = m.end();
      boolean amountFirst = m.group("amountA") != null;
      String amount = amountFirst ? m.group("amountA") : m.group("amountB");
      String multiplier = amountFirst ? m.group("multA") : m.group("multB");
      String currency = amountFirst ? m.group("curA") : m.group("curB");
      CurrencyWords.Unit unit = CurrencyWords.unit(currency);
      BigDecimal value =
          parseAmount(amount)
              .multiply(CurrencyWords.multiplier(multiplier))
              .multiply(unit.factor());
      if (value.signum() <= 0) {
        continue;
      }
      String code = CurrencyWords.resolve(unit.code(), regions);
      String plain = value.stripTrailingZeros().toPlainString();
      Map<String, String> attributes = new HashMap<>();
      attributes.put("amount", plain);
      attributes.put("currency", code);
      if (unit.writtenUnit() != null) {
        attributes.put("unit", unit.writtenUnit());
      }
      found.add(
          Spans.entity(
              text, Entity.Type.PRICE, m.start(), m.end(), plain + " " + code, attributes));
    }
    return found;
  }

  private static boolean hasAsciiDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The first index at or after {@code from} where a price may start, or -1. */
  private static int nextPossibleStart(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || CURRENCY_MAY_START[c]) {
        return i;
      }
    }
    return -1;
  }

  private static boolean[] currencyFirstChars() {
    Matcher currency = Pattern.compile("(?iu)" + CURRENCY.formatted("cur")).matcher("");
    boolean[] first = new boolean[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      currency.reset(String.valueOf((char) c));
      first[c] = currency.lookingAt() || currency.hitEnd();
    }
    return first;
  }

  /** Reads {@code 3,000}, {@code 3.000}, {@code 3 000}, {@code 3٬000}, {@code 2.5}, {@code 2,5}. */
  static BigDecimal parseAmount(String amount) {
    if (GROUPED_THOUSANDS.matcher(amount).matches()) {
      String digits = amount.replaceAll("[,.٬'\\u00A0\\u202F\\u2009 ](\\d{3})", "$1");
      return new BigDecimal(digits.replaceAll("[,٫]", "."));
    }
    return new BigDecimal(amount.replaceAll("[,٫]", "."));
  }
}

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
    Matcher m = PRICE.matcher(text.text());
    while (m.find()) {
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

  /** Reads {@code 3,000}, {@code 3.000}, {@code 3 000}, {@code 3٬000}, {@code 2.5}, {@code 2,5}. */
  static BigDecimal parseAmount(String amount) {
    if (GROUPED_THOUSANDS.matcher(amount).matches()) {
      String digits = amount.replaceAll("[,.٬'\\u00A0\\u202F\\u2009 ](\\d{3})", "$1");
      return new BigDecimal(digits.replaceAll("[,٫]", "."));
    }
    return new BigDecimal(amount.replaceAll("[,٫]", "."));
  }
}

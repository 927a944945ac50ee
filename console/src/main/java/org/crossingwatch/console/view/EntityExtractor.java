package org.crossingwatch.console.view;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's own entity extraction, used while the classifier's verdicts carry no entities:
 * international phone numbers (libphonenumber, any format, native digits), prices, Telegram and
 * WhatsApp handles, and crypto wallets. Thread-safe and stateless.
 */
public final class EntityExtractor {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  // "00" dials out only where a number starts: not after a digit or "+", and not after a digit and
  // one separator, where it is a group of the same number ("+218 91 777 0042").
  private static final Pattern IDD_00 =
      Pattern.compile("(?<![\\p{Nd}+]|\\p{Nd}[\\s.\\-])[0٠۰]{2}(?=[1-9١-٩۱-۹])");
  private static final Pattern HANDLE =
      Pattern.compile(
          "(?:(?:https?://)?(?:t\\.me|telegram\\.me)/|(?<![\\w@.])@)([A-Za-z][A-Za-z0-9_]{3,31})");
  private static final Pattern WALLET =
      Pattern.compile(
          "\\b(0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{25,59}|[13][1-9A-HJ-NP-Za-km-z]{25,34}"
              + "|T[1-9A-HJ-NP-Za-km-z]{33})\\b");
  private static final Pattern PRICE =
      Pattern.compile(
          "(?iu)(?:[€$£]\\s?\\d[\\d.,\\s]{0,9}\\d?|\\d[\\d.,]{0,9}\\s?(?:€|\\$|£|eur(?:o|os)?\\b"
              + "|usd\\b|dollars?\\b|gbp\\b|تومان|دولار|يورو|یورو|لیره|lira\\b|tl\\b))");

  private EntityExtractor() {}

  /** The entities of {@code text}, in text order, each distinct (type, normalized) once. */
  public static List<Entity> extract(String text) {
    Map<String, Entity> found = new LinkedHashMap<>();
    for (Entity phone : phones(text)) {
      found.putIfAbsent("phone:" + phone.normalized(), phone);
    }
    Matcher handle = HANDLE.matcher(text);
    while (handle.find()) {
      String name = handle.group(1).toLowerCase(Locale.ROOT);
      found.putIfAbsent(
          "handle:" + name,
          new Entity("handle", handle.group(), name, handle.start(), handle.end()));
    }
    Matcher wallet = WALLET.matcher(text);
    while (wallet.find()) {
      found.putIfAbsent(
          "wallet:" + wallet.group(1),
          new Entity("wallet", wallet.group(1), wallet.group(1), wallet.start(), wallet.end()));
    }
    Matcher price = PRICE.matcher(text);
    while (price.find()) {
      String value = price.group().strip();
      if (value.chars().anyMatch(Character::isDigit)
          && found.values().stream().noneMatch(e -> overlaps(e, price.start(), price.end()))) {
        found.putIfAbsent(
            "price:" + value.toLowerCase(Locale.ROOT),
            new Entity("price", value, value.toLowerCase(Locale.ROOT), price.start(), price.end()));
      }
    }
    List<Entity> all = new ArrayList<>(found.values());
    all.sort(Comparator.comparingInt(Entity::start));
    return List.copyOf(all);
  }

  /**
   * A phone number written in any international form ({@code +90 532 123 45 67}, {@code
   * 0090-532-1234567}, native digits) as E.164.
   *
   * @return empty when it is not a possible international number
   */
  public static Optional<String> normalizePhone(String written) {
    if (written == null || written.isBlank()) {
      return Optional.empty();
    }
    String dialled = IDD_00.matcher(written.strip()).replaceAll(" +").strip();
    try {
      PhoneNumber number = PHONES.parse(dialled, "ZZ");
      return PHONES.isPossibleNumber(number)
          ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  private static List<Entity> phones(String text) {
    // "0090 532..." is "+90 532..." dialled from most of Europe and Africa. Writing " +" over
    // "00" keeps every offset, so spans still point into the original text.
    String dialled = IDD_00.matcher(text).replaceAll(" +");
    List<Entity> phones = new ArrayList<>();
    for (PhoneNumberMatch match :
        PHONES.findNumbers(dialled, "ZZ", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
      int start = match.start();
      if (start > 0
          && Character.digit(text.charAt(start - 1), 10) == 0
          && Character.digit(text.charAt(start), 10) == 0) {
        start--;
      }
      phones.add(
          new Entity(
              "phone",
              text.substring(start, match.end()),
              PHONES.format(match.number(), PhoneNumberFormat.E164),
              start,
              match.end()));
    }
    return phones;
  }

  private static boolean overlaps(Entity entity, int start, int end) {
    return entity.start() < end && start < entity.end();
  }
}

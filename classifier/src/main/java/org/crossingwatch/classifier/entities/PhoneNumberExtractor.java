package org.crossingwatch.classifier.entities;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.normalize.NormalizedText;

/**
 * Finds phone numbers with libphonenumber in the digit-normalised text, so Arabic-Indic and Persian
 * digits count. Local numbers are read in each candidate region in turn (see {@link
 * RegionGuesser}); the first region in which a span is a valid number wins, and a span is reported
 * once. International numbers ({@code +}, {@code 00}) and WhatsApp links ({@code wa.me/218…}) are
 * read with their own country code. Dates, times and years are not phone numbers. Thread-safe.
 */
final class PhoneNumberExtractor {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** Links that carry a full international number without the plus sign. */
  private static final Pattern LINK_NUMBER =
      Pattern.compile(
          "(?i)(?:wa\\.me/|whatsapp\\.com/send/?\\?phone=|signal\\.me/#p/|number=(?:%2B)?)"
              + "\\+?(\\d{7,15})(?!\\d)");

  /**
   * libphonenumber rejects a national number of fewer digits (its {@code MIN_LENGTH_FOR_NSN}), so a
   * text with fewer digits outside the numbers already found cannot hold another one and is not
   * scanned in the remaining regions.
   */
  private static final int MIN_DIGITS = 2;

  private static final Pattern DATE_OR_TIME =
      Pattern.compile(
          "\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{1,2}[:h]\\d{2}(?::\\d{2})?|(?:19|20)\\d{2}");

  /**
   * Finds the phone numbers in {@code text}.
   *
   * @param regions candidate regions for local numbers, most likely first
   * @return PHONE entities (normalised to E.164, attributes {@code region} and {@code line}) in
   *     order of discovery; empty if none
   */
  List<Entity> extract(NormalizedText text, List<String> regions) {
    List<Entity> found = new ArrayList<>();
    Matcher link = LINK_NUMBER.matcher(text.text());
    while (link.find()) {
      parse("+" + link.group(1))
          .ifPresent(number -> found.add(entity(text, link.start(1), link.end(1), number)));
    }
    for (String region : regions) {
      // A number of any region that does not overlap those found has digits outside them.
      if (uncoveredDigits(text, found) < MIN_DIGITS) {
        break;
      }
      for (PhoneNumberMatch match :
          UTIL.findNumbers(text.text(), region, Leniency.VALID, Long.MAX_VALUE)) {
        int start = match.start();
        int end = match.end();
        if (isDateOrTime(match.rawString()) || overlapsAny(found, text, start, end)) {
          continue;
        }
        found.add(entity(text, start, end, match.number()));
      }
    }
    return found;
  }

  /**
   * The decimal digits of any script in the normalised text, counting only those whose original
   * range overlaps none of {@code found}: a new match of {@link #overlapsAny} false has only these.
   */
  private static int uncoveredDigits(NormalizedText text, List<Entity> found) {
    String s = text.text();
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))
          && (found.isEmpty() || !overlapsAny(found, text, i, i + 1))) {
        digits++;
      }
    }
    return digits;
  }

  private static Optional<PhoneNumber> parse(String international) {
    try {
      PhoneNumber number = UTIL.parse(international, "ZZ");
      return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  private static boolean isDateOrTime(String raw) {
    return DATE_OR_TIME.matcher(raw.strip()).matches();
  }

  private static boolean overlapsAny(List<Entity> found, NormalizedText text, int start, int end) {
    int[] range = text.originalRange(start, end);
    for (Entity entity : found) {
      if (range[0] < entity.end() && entity.start() < range[1]) {
        return true;
      }
    }
    return false;
  }

  private static Entity entity(NormalizedText text, int start, int end, PhoneNumber number) {
    String region = UTIL.getRegionCodeForNumber(number);
    String line = UTIL.getNumberType(number).name().toLowerCase(Locale.ROOT);
    return Spans.entity(
        text,
        Entity.Type.PHONE,
        start,
        end,
        UTIL.format(number, PhoneNumberFormat.E164),
        Map.of("region", region == null ? "ZZ" : region, "line", line));
  }
}

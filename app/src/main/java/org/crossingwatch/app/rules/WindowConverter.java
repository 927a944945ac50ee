package org.crossingwatch.app.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a time window such as {@code 7d}, {@code 12h}, {@code 30m} or ISO-8601 {@code P7D}. */
final class WindowConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dhm])");

  @Override
  public Duration convert(String value) {
    Matcher m = SHORT.matcher(value.strip());
    Duration window;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      window =
          switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
          };
    } else {
      try {
        window = Duration.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a window; write for example 7d, 12h, 30m or P7D");
      }
    }
    if (window.isZero() || window.isNegative()) {
      throw new TypeConversionException("window must be positive, was '" + value + "'");
    }
    return window;
  }
}

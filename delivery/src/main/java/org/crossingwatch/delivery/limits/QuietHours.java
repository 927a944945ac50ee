package org.crossingwatch.delivery.limits;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily time span in which a sink gets no single alerts; what arrives is sent as one digest when
 * the span ends. A span whose end is before its start runs over midnight ({@code 22:00}–{@code
 * 06:00}).
 *
 * @param from the first quiet minute, local time
 * @param to the first minute that is no longer quiet, local time
 * @param zone the time zone of the desk
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {
  public QuietHours {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(zone, "zone");
    if (from.equals(to)) {
      throw new IllegalArgumentException("QuietHours from and to must differ, both were " + from);
    }
  }

  /** Whether {@code instant} falls inside the quiet span. */
  public boolean contains(Instant instant) {
    LocalTime time = instant.atZone(zone).toLocalTime();
    if (from.isBefore(to)) {
      return !time.isBefore(from) && time.isBefore(to);
    }
    return !time.isBefore(from) || time.isBefore(to);
  }
}

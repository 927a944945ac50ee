package org.crossingwatch.delivery.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  @Test
  void spanOverMidnightIsQuietFromItsStartUntilItsEndInTheDesksZone() {
    QuietHours night =
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Asia/Baghdad"));

    assertThat(night.contains(Instant.parse("2025-06-01T18:59:00Z"))).isFalse(); // 21:59
    assertThat(night.contains(Instant.parse("2025-06-01T19:00:00Z"))).isTrue(); // 22:00
    assertThat(night.contains(Instant.parse("2025-06-02T02:59:00Z"))).isTrue(); // 05:59
    assertThat(night.contains(Instant.parse("2025-06-02T03:00:00Z"))).isFalse(); // 06:00
  }

  @Test
  void rateLimiterLetsCountThroughPerWindowAndOpensANewWindowAfterIt() {
    RateLimiter limiter = new RateLimiter(new RateLimit(2, Duration.ofMinutes(1)));
    Instant t0 = Instant.parse("2025-06-01T10:00:00Z");

    assertThat(limiter.tryAcquire(t0)).isTrue();
    assertThat(limiter.tryAcquire(t0.plusSeconds(10))).isTrue();
    assertThat(limiter.tryAcquire(t0.plusSeconds(59))).isFalse();
    assertThat(limiter.tryAcquire(t0.plusSeconds(60))).isTrue();
  }
}

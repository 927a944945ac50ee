package org.crossingwatch.collectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void waitsDoubleFromTheInitialUpToTheCapWithTheWholeStepAtFullJitter() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);

    assertThat(IntStream.range(0, 6).mapToObj(i -> backoff.next().toMillis()))
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
  }

  @Test
  void noJitterWaitsHalfTheStepAndResetStartsOver() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
    backoff.next();
    backoff.next();

    backoff.reset();

    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void manyFailuresStayAtTheCapWithoutOverflow() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 1.0);
    IntStream.range(0, 200).forEach(i -> backoff.next());

    assertThat(backoff.next()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aCapBelowTheInitialWaitIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max backoff PT1S must not be less than initial backoff PT2S");
  }
}

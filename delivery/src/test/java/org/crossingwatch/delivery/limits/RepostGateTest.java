package org.crossingwatch.delivery.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crossingwatch.delivery.testing.Alerts;
import org.crossingwatch.model.Alert;
import org.junit.jupiter.api.Test;

class RepostGateTest {
  @Test
  void alertIsNewOnceAndRepostsCountOnlyWhenCrossingAThreshold() {
    RepostGate gate = new RepostGate(List.of(5, 20));
    Alert boat = Alerts.arabicBoat("1", 0.9);

    List<RepostGate.Decision> decisions =
        List.of(
            gate.decide(boat),
            gate.decide(boat),
            gate.decide(Alerts.reposted(boat, 3)),
            gate.decide(Alerts.reposted(boat, 6)),
            gate.decide(Alerts.reposted(boat, 4)),
            gate.decide(Alerts.reposted(boat, 19)),
            gate.decide(Alerts.reposted(boat, 40)),
            gate.decide(Alerts.reposted(boat, 41)));

    assertThat(decisions)
        .containsExactly(
            RepostGate.Decision.NEW,
            RepostGate.Decision.SKIP,
            RepostGate.Decision.SKIP,
            RepostGate.Decision.REPOST,
            RepostGate.Decision.SKIP,
            RepostGate.Decision.SKIP,
            RepostGate.Decision.REPOST,
            RepostGate.Decision.SKIP);
  }

  @Test
  void alertFirstSeenAlreadyRepostedIsNew() {
    RepostGate gate = new RepostGate(List.of(5));

    assertThat(gate.decide(Alerts.reposted(Alerts.kurdishTruck("9", 0.8), 7)))
        .isEqualTo(RepostGate.Decision.NEW);
  }
}

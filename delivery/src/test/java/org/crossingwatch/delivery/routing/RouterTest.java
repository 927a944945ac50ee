package org.crossingwatch.delivery.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crossingwatch.delivery.testing.Alerts;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Router router =
      new Router(
          List.of(
              new Route(
                  "mediterranean",
                  List.of("ar", "ku", "ckb"),
                  List.of(),
                  List.of(),
                  List.of(),
                  0.8,
                  List.of("med-desk")),
              new Route(
                  "duty", List.of(), List.of(), List.of(), List.of(), 0.95, List.of("duty-mail")),
              new Route(
                  "documents",
                  List.of(),
                  List.of("facebook"),
                  List.of("papiers"),
                  List.of("crossing"),
                  0.0,
                  List.of("docs-team", "duty-mail"))));

  @Test
  void arabicAlertOverThresholdGoesToTheDeskAndOverDutyThresholdAlsoToDutyMail() {
    assertThat(router.sinksFor(Alerts.arabicBoat("1", 0.85))).containsExactly("med-desk");
    assertThat(router.sinksFor(Alerts.arabicBoat("2", 0.97)))
        .containsExactly("med-desk", "duty-mail");
    assertThat(router.sinksFor(Alerts.kurdishTruck("3", 0.79))).isEmpty();
  }

  @Test
  void platformChannelAndCategoryMustAllMatchAndSinksAreNamedOnce() {
    assertThat(router.sinksFor(Alerts.frenchDocuments("4", 0.96)))
        .containsExactly("duty-mail", "docs-team");
    assertThat(router.sinksFor(Alerts.frenchDocuments("5", 0.5)))
        .containsExactly("docs-team", "duty-mail");
    assertThat(router.sinksFor(Alerts.arabicBoat("6", 0.5))).isEmpty();
  }
}

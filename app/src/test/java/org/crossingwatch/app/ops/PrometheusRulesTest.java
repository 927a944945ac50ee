package org.crossingwatch.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** promtool's own checks on the scrape config and the alert rules, and the rules' unit tests. */
class PrometheusRulesTest {

  @Test
  void alertRulesPassPromtoolCheckRules() {
    Tools.Result result =
        Tools.run(OpsFiles.PROMETHEUS, "promtool", "check", "rules", "alerts.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: 10 rules found");
  }

  @Test
  void scrapeConfigPassesPromtoolCheckConfig() {
    Tools.Result result =
        Tools.run(OpsFiles.PROMETHEUS, "promtool", "check", "config", "prometheus.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("SUCCESS: prometheus.yml is valid prometheus config file syntax");
  }

  @Test
  void everyAlertRuleHasUnitTestsThatPass() {
    Tools.Result result =
        Tools.run(OpsFiles.PROMETHEUS, "promtool", "test", "rules", "alerts.test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
    String tests = OpsFiles.yaml(OpsFiles.PROMETHEUS.resolve("alerts.test.yml")).toString();
    OpsFiles.queries().stream()
        .filter(q -> q.file().endsWith("alerts.yml"))
        .forEach(
            rule ->
                assertThat(tests)
                    .as("alerts.test.yml tests " + rule.title())
                    .contains("\"alertname\":\"" + rule.title() + "\""));
  }
}

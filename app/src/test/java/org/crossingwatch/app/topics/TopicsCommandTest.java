package org.crossingwatch.app.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crossingwatch topics apply} against a fresh embedded broker per test, because the plan
 * uses the fixed topic names that the shared test cluster may already hold.
 */
class TopicsCommandTest {
  private static final String HEADER_FORMAT =
      "Topics on %s (plan: 2 partitions, replication factor 1)%s:";

  @TempDir Path dataDir;
  private EmbeddedKafkaBroker broker;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startBroker() {
    broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"));
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  private int execute(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return TopicsCommandUsageTest.commandLine(out, err).execute(args);
  }

  private int apply(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "topics",
                "apply",
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--partitions",
                "2",
                "--replication-factor",
                "1"));
    args.addAll(List.of(extra));
    return execute(args.toArray(String[]::new));
  }

  @Test
  void applyCreatesEveryTopicAndASecondApplyFindsThemUnchanged() throws Exception {
    assertThat(apply()).isZero();
    assertThat(out.toString().lines()).containsExactlyElementsOf(report("created"));

    assertThat(apply()).isZero();
    assertThat(out.toString().lines()).containsExactlyElementsOf(report("unchanged"));
    try (Admin admin = admin()) {
      TopicDescription rules =
          admin.describeTopics(List.of("cw.rules")).allTopicNames().get().get("cw.rules");
      assertThat(rules.partitions()).hasSize(1);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void dryRunReportsWhatItWouldCreateAndCreatesNothing() throws Exception {
    assertThat(apply("--dry-run")).isZero();

    assertThat(out.toString().lines())
        .first()
        .isEqualTo(
            String.format(Locale.ROOT, HEADER_FORMAT, broker.bootstrapServers(), ", dry run"));
    assertThat(out.toString().lines().skip(1))
        .hasSize(Topics.ALL.size())
        .allSatisfy(line -> assertThat(line).startsWith("would create   cw."));
    try (Admin admin = admin()) {
      assertThat(admin.listTopics().names().get()).noneMatch(name -> name.startsWith("cw."));
    }
  }

  @Test
  void topicMadeByHandWithOtherSettingsIsReportedAsDifferingAndLeftAlone() throws Exception {
    try (Admin admin = admin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("cw.alerts", 3, (short) 1)
                      .configs(Map.of("retention.ms", "86400000"))))
          .all()
          .get();
    }

    assertThat(apply()).isEqualTo(TopicsApplyCommand.DIFFERING);

    assertThat(out.toString())
        .contains(
            "differing      cw.alerts: partitions 3, planned 2;"
                + " retention.ms 86400000, planned 31536000000\n")
        .contains("created        cw.posts.raw")
        .contains("Differing topics were left as they are; see docs/operations.md, Topics.");
    try (Admin admin = admin()) {
      assertThat(
              admin
                  .describeTopics(List.of("cw.alerts"))
                  .allTopicNames()
                  .get()
                  .get("cw.alerts")
                  .partitions())
          .hasSize(3);
    }
  }

  /** The header and one line per planned topic, in plan order, all with {@code verb}. */
  private List<String> report(String verb) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, HEADER_FORMAT, broker.bootstrapServers(), ""));
    Topics.ALL.forEach(topic -> lines.add(String.format(Locale.ROOT, "%-14s %s", verb, topic)));
    return lines;
  }

  private Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }
}

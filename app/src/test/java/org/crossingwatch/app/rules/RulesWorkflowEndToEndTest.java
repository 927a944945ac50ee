package org.crossingwatch.app.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crossingwatch.app.run.AllInOne;
import org.crossingwatch.app.run.RunSettings;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The analysts' workflow against the real pipeline on the embedded broker: posts flow through the
 * topology, officers' decisions are recorded on cw.feedback, an analyst lints, backtests and pushes
 * a rule change (one new slang rule, one pack dropped), and the live pipeline scores the next post
 * with the new rule while the earlier verdicts stay as they were.
 */
class RulesWorkflowEndToEndTest {
  static final Path SHIPPED_RULES = projectRoot().resolve("rules");
  static final String SLANG_PACK =
      """
      language: en
      rules:
        - id: en.crossing.zorbo
          category: crossing_offer
          weight: 4.5
          description: '"Zorbo", this month''s slang for a night boat crossing'
          query: zorbo OR zorbos
          examples:
            match: ["Zorbo tonight, two seats left"]
            no_match: ["Zorba the Greek"]
      """;
  static final String OFFER =
      "🚤 رحلة بحرية من زوارة إلى الطليان، الانطلاق الأسبوع الجاي. السعر ٣٥٠٠ دينار، الدفع عند"
          + " الوصول بالضمان. واتساب +218 91 000 1234";
  // A harbour's ticket office selling day trips: the shipped rules see a boat, guaranteed places
  // and pay on arrival, and alert; the officer knows the ferry and marks it a false positive.
  static final String FERRY =
      "Boat to Lampedusa every morning, guaranteed places, family discount, pay on arrival at the"
          + " harbour ticket office";
  static final String SLANG = "Zorbo tonight from the north beach, two seats left, ask me";

  @TempDir Path dir;

  @Test
  void analystBacktestsAndPushesANewRuleAndTheLivePipelineAlertsWithIt() throws Exception {
    Path live = copyOfShippedRules(dir.resolve("live"));
    Path candidate = copyOfShippedRules(dir.resolve("candidate"));
    List<String> droppedPack = ruleIds(candidate.resolve("vi.yaml"));
    Files.delete(candidate.resolve("vi.yaml"));
    Files.writeString(candidate.resolve("slang.yaml"), SLANG_PACK, UTF_8);
    Path posts = dir.resolve("posts.jsonl");
    Files.write(
        posts,
        List.of(
            post("zuwara_trips", "1001", OFFER),
            post("harbour_trips", "2001", FERRY),
            post("night_boats", "3001", SLANG)),
        UTF_8);
    RunSettings settings =
        new RunSettings(
            dir.resolve("data"),
            Optional.empty(),
            live,
            posts,
            false,
            "127.0.0.1",
            0,
            3,
            ClassifierSettings.defaults());

    try (AllInOne all =
        AllInOne.start(settings, new java.io.PrintWriter(new java.io.StringWriter()))) {
      String kafka = all.bootstrapServers();
      // Posts flow: every post is scored, the offer and the ferry ad alert, the slang does not.
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> scored(kafka).size() == 3 && alerts(kafka).size() == 2);
      Map<String, ScoredPost> before = scored(kafka);
      assertThat(before.get("telegram:night_boats:3001").verdict().alert()).isFalse();

      // Officers triage: the offer is confirmed, the ferry ad is a false positive.
      recordDecisions(
          kafka,
          decision("telegram:zuwara_trips:1001", Decision.Outcome.CONFIRMED),
          decision("telegram:harbour_trips:2001", Decision.Outcome.FALSE_POSITIVE));

      Map<String, Alert> alerts = alerts(kafka);
      List<String> offerRules = ruleIds(alerts.get(Alert.idFor("telegram:zuwara_trips:1001")));
      List<String> ferryRules = ruleIds(alerts.get(Alert.idFor("telegram:harbour_trips:2001")));
      assertThat(offerRules).doesNotContainAnyElementsOf(ferryRules);
      Cli stats = Cli.run("rules", "stats", "-b", kafka, "--since", "1d", "--sort", "precision");
      assertThat(stats.exitCode()).isZero();
      StringBuilder rows = new StringBuilder();
      offerRules.stream()
          .sorted()
          .forEach(id -> rows.append("| " + id + " | 1 | 1 | 1 | 0 | 0 | 1.000 |\n"));
      ferryRules.stream()
          .sorted()
          .forEach(id -> rows.append("| " + id + " | 1 | 1 | 0 | 0 | 1 | 0.000 |\n"));
      assertThat(stats.out())
          .isEqualTo(
              (offerRules.size() + ferryRules.size())
                  + " rules matched 2 alerts last seen in the last PT24H\n"
                  + "| rule | hits | alerts | confirmed | escalated | false positive | precision |\n"
                  + "|---|---:|---:|---:|---:|---:|---:|\n"
                  + rows);

      // The analyst checks the change, then backtests it against the last day of history.
      assertThat(Cli.run("rules", "lint", candidate.toString()).exitCode()).isZero();
      assertThat(Cli.run("rules", "test", candidate.toString()).exitCode()).isZero();
      Cli backtest =
          Cli.run("rules", "backtest", candidate.toString(), "--since", "1d", "-b", kafka);
      assertThat(backtest.exitCode()).isZero();
      assertThat(backtest.out())
          .contains(": 3 posts\n")
          .contains("before        3      2    1    1    0     0.500  1.000\n")
          .contains("after         3      3    1    1    0     0.500  1.000\n")
          .contains("1 alerts gained, 0 lost\n")
          .containsPattern(
              "  telegram:night_boats:3001 0\\.\\d{3} -> 0\\.\\d{3} \\[undecided\\] \\+en\\.crossing\\.zorbo\n");
      assertThat(backtest.err()).endsWith("3 of 3 posts re-scored\n");

      // An invalid set is refused before anything is read or written.
      Path broken = dir.resolve("broken");
      Files.createDirectories(broken);
      Files.writeString(broken.resolve("slang.yaml"), SLANG_PACK.replace("4.5", "45"), UTF_8);
      Cli refused = Cli.run("rules", "push", broken.toString(), "-b", kafka, "--yes");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.out())
          .isEqualTo(
              broken.resolve("slang.yaml")
                  + ":5:13: rule en.crossing.zorbo: weight 45 is out of range [-5, 5]\n"
                  + "Refusing to push: the rule set has 1 lint problems; nothing was published\n");

      // The diff, then a "no" at the prompt, then the real push.
      String diff =
          "+ en.crossing.zorbo\n"
              + String.join(
                  "", droppedPack.stream().sorted().map(id -> "  - " + id + "\n").toList())
              + "1 added, 0 changed, "
              + droppedPack.size()
              + " removed\n";
      Cli dryRun = Cli.run("rules", "push", candidate.toString(), "-b", kafka, "--dry-run");
      assertThat(dryRun.out()).contains(diff).endsWith("Dry run: nothing was published\n");
      Cli declined = push(candidate, kafka, "n\n");
      assertThat(declined.exitCode()).isEqualTo(1);
      assertThat(declined.out())
          .contains(diff)
          .endsWith("Publish these changes? [y/N] Not confirmed: nothing was published\n");
      double swapsBefore = swaps(all);
      Cli pushed = push(candidate, kafka, "y\n");
      assertThat(pushed.exitCode()).isZero();
      assertThat(pushed.out())
          .endsWith("Published to cw.rules: 1 upserted, " + droppedPack.size() + " tombstoned\n");
      assertThat(Cli.run("rules", "push", candidate.toString(), "-b", kafka, "--yes").out())
          .endsWith("Nothing to push: the live rule set is already this one\n");

      // The live pipeline picks the change up: the next slang post alerts with the new rule.
      await().atMost(Duration.ofSeconds(60)).until(() -> swaps(all) > swapsBefore);
      appendAndProduce(
          kafka, "night_boats", "3002", "Zorbos every night this week, two seats left");
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> scored(kafka).containsKey("telegram:night_boats:3002"));
      Map<String, ScoredPost> after = scored(kafka);
      ScoredPost slang = after.get("telegram:night_boats:3002");
      assertThat(slang.verdict().alert()).isTrue();
      assertThat(slang.verdict().hits())
          .extracting(RuleHit::ruleId)
          .containsExactly("en.crossing.zorbo");
      assertThat(slang.verdict().ruleSetVersion())
          .isNotEqualTo(before.get("telegram:night_boats:3001").verdict().ruleSetVersion());
      assertThat(after.get("telegram:night_boats:3001"))
          .isEqualTo(before.get("telegram:night_boats:3001"));
    }
  }

  private static Cli push(Path rules, String kafka, String answer) {
    return Cli.run(
        new CommandLine(new RulesPushCommand(new ByteArrayInputStream(answer.getBytes(UTF_8)))),
        rules.toString(),
        "-b",
        kafka);
  }

  private static double swaps(AllInOne all) {
    return all.registry().counter("crossingwatch.rules.swapped").count();
  }

  private static String post(String channel, String id, String text) {
    return Json.write(
        Map.of("platform", "telegram", "channel", channel, "externalId", id, "text", text));
  }

  private static void appendAndProduce(String kafka, String channel, String id, String text) {
    Post post =
        new Post(
            0,
            null,
            "telegram",
            channel,
            id,
            Optional.empty(),
            Optional.empty(),
            text,
            Optional.empty(),
            Optional.empty(),
            Instant.now(),
            List.of(),
            Optional.empty(),
            "00");
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      producer.send(new ProducerRecord<>(Topics.POSTS_RAW, post.key(), Json.write(post)));
    }
  }

  private static Decision decision(String postKey, Decision.Outcome outcome) {
    return new Decision(0, Alert.idFor(postKey), outcome, "olga", Optional.empty(), Instant.now());
  }

  private static void recordDecisions(String kafka, Decision... decisions) {
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      for (Decision d : decisions) {
        producer.send(new ProducerRecord<>(Topics.FEEDBACK, d.alertId(), Json.write(d)));
      }
    }
  }

  private static KafkaProducer<String, String> producer(String kafka) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static Map<String, ScoredPost> scored(String kafka) {
    Map<String, ScoredPost> latest = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(kafka, Topics.POSTS_SCORED, Optional.empty())) {
      latest.put(r.key(), Json.read(r.value(), ScoredPost.class));
    }
    return latest;
  }

  private static Map<String, Alert> alerts(String kafka) {
    Map<String, Alert> latest = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(kafka, Topics.ALERTS, Optional.empty())) {
      latest.put(r.key(), Json.read(r.value(), Alert.class));
    }
    return latest;
  }

  private static List<String> ruleIds(Alert alert) {
    return alert.verdict().hits().stream().map(RuleHit::ruleId).distinct().toList();
  }

  private static List<String> ruleIds(Path pack) throws IOException {
    return Files.readAllLines(pack, UTF_8).stream()
        .filter(line -> line.matches("\\s*- id: .*"))
        .map(line -> line.replaceFirst("\\s*- id: ", "").strip())
        .toList();
  }

  private static Path copyOfShippedRules(Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(SHIPPED_RULES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("rules"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No rules/ folder above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}

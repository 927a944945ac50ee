package org.crossingwatch.app.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crossingwatch.app.CrossingWatch;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.app.topics.TopicSpec;
import org.crossingwatch.app.topics.TopicsCommand;
import org.crossingwatch.collectors.config.CollectorConfig;
import org.crossingwatch.delivery.DeliveryConfig;
import org.crossingwatch.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What can be checked of the Dockerfile, the compose file and the Kubernetes manifests without a
 * container engine: they parse, every command is a real {@code crossingwatch} command line, and
 * ports and topic settings agree with the code.
 */
class DeploymentFilesTest {
  /**
   * Command lines the deployment needs that the command line does not accept yet, with the reason.
   * When one starts to parse, this test fails so that the entry is removed and checked for real.
   */
  private static final Map<String, String> PENDING = Map.of();

  private static final String BOOTSTRAP = "kafka-1:9092,kafka-2:9092,kafka-3:9092";
  private static final JsonNode COMPOSE = OpsFiles.yaml(OpsFiles.COMPOSE);

  private static CommandLine commandLine() {
    CommandLine commandLine = CrossingWatch.commandLine();
    // The lead registers it on the main command; until then the test adds it.
    if (!commandLine.getSubcommands().containsKey("topics")) {
      commandLine.addSubcommand(new TopicsCommand());
    }
    return commandLine;
  }

  /** The HTTP port every role listens on by default, from the command line itself. */
  private static int defaultHttpPort() {
    return Integer.parseInt(
        commandLine()
            .getSubcommands()
            .get("run")
            .getCommandSpec()
            .findOption("--http-port")
            .defaultValue());
  }

  private static List<String> args(JsonNode command) {
    List<String> args = new ArrayList<>();
    command.forEach(a -> args.add(a.asText()));
    return args;
  }

  private static Map<String, List<String>> appCommands() {
    Map<String, List<String>> commands = new HashMap<>();
    COMPOSE
        .path("services")
        .fields()
        .forEachRemaining(
            s -> {
              if (s.getValue().path("image").asText().startsWith("crossingwatch:")) {
                commands.put(s.getKey(), args(s.getValue().path("command")));
              }
            });
    return commands;
  }

  @Test
  void composeRunsThreeKraftBrokersACollectorTwoProcessorsAConsoleDeliveryPrometheusAndGrafana() {
    assertThat(COMPOSE.path("services").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "kafka-1",
            "kafka-2",
            "kafka-3",
            "topics",
            "collector",
            "processor-1",
            "processor-2",
            "console",
            "delivery",
            "prometheus",
            "grafana");
    for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
      JsonNode service = COMPOSE.path("services").path(broker);
      assertThat(service.path("image").asText()).startsWith("apache/kafka:");
      assertThat(service.path("environment").path("KAFKA_PROCESS_ROLES").asText())
          .isEqualTo("broker,controller");
      assertThat(service.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
          .isEqualTo("PLAINTEXT://" + broker + ":9092");
      assertThat(service.path("environment").path("KAFKA_MIN_INSYNC_REPLICAS").asInt())
          .isEqualTo(2);
    }
  }

  @Test
  void everyComposeCommandIsARealCrossingWatchCommandLine() {
    Map<String, List<String>> commands = appCommands();
    assertThat(commands)
        .containsOnlyKeys(
            "topics", "collector", "processor-1", "processor-2", "console", "delivery");

    for (Map.Entry<String, List<String>> service : commands.entrySet()) {
      List<String> args = service.getValue();
      String subcommand = args.get(0);
      if (PENDING.containsKey(subcommand)) {
        assertThatThrownBy(() -> commandLine().parseArgs(args.toArray(String[]::new)))
            .as(
                "compose service %s: %s now parses; remove it from PENDING so it is checked",
                service.getKey(), subcommand)
            .isInstanceOf(CommandLine.ParameterException.class);
      } else {
        commandLine().parseArgs(args.toArray(String[]::new));
      }
      assertThat(args).as(service.getKey()).containsSubsequence("--bootstrap-servers", BOOTSTRAP);
    }
    assertThat(commands.get("topics"))
        .containsSubsequence("topics", "apply")
        .containsSubsequence("--replication-factor", "3");
  }

  @Test
  void portsAgreeAcrossComposePrometheusKubernetesAndTheCommandLine() {
    String port = String.valueOf(defaultHttpPort());
    appCommands().entrySet().stream()
        .filter(e -> !e.getKey().equals("topics"))
        .forEach(
            e -> assertThat(e.getValue()).as(e.getKey()).containsSubsequence("--http-port", port));

    List<String> targets = new ArrayList<>();
    OpsFiles.yaml(OpsFiles.PROMETHEUS.resolve("prometheus.yml"))
        .path("scrape_configs")
        .forEach(
            job -> {
              if (job.path("job_name").asText().startsWith("crossingwatch-")) {
                job.path("static_configs")
                    .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
              }
            });
    assertThat(targets)
        .containsExactlyInAnyOrder(
            "collector:" + port,
            "processor-1:" + port,
            "processor-2:" + port,
            "console:" + port,
            "delivery:" + port);

    for (JsonNode deployment : kinds("crossingwatch.yaml", "Deployment")) {
      JsonNode container = deployment.at("/spec/template/spec/containers/0");
      assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(port);
      assertThat(args(container.path("args"))).containsSubsequence("--http-port", port);
    }
  }

  @Test
  void kubernetesDeploymentsRunAsNonRootWithProbesAndResourceRequests() {
    List<JsonNode> deployments = kinds("crossingwatch.yaml", "Deployment");
    assertThat(deployments)
        .extracting(d -> d.at("/metadata/name").asText())
        .containsExactly(
            "crossingwatch-collector",
            "crossingwatch-processor",
            "crossingwatch-console",
            "crossingwatch-delivery");
    assertThat(deployments.get(1).at("/spec/replicas").asInt()).isEqualTo(2);
    for (JsonNode deployment : deployments) {
      String name = deployment.at("/metadata/name").asText();
      JsonNode pod = deployment.at("/spec/template/spec");
      JsonNode container = pod.at("/containers/0");
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
      assertThat(container.at("/livenessProbe/httpGet/path").asText())
          .as(name)
          .isEqualTo("/health");
      assertThat(container.at("/startupProbe/httpGet/path").asText()).as(name).isEqualTo("/health");
      assertThat(container.at("/readinessProbe/httpGet/path").asText())
          .as(name)
          .isEqualTo("/ready");
      assertThat(container.at("/resources/requests/cpu").asText()).as(name).isNotBlank();
      assertThat(container.at("/resources/requests/memory").asText()).as(name).isNotBlank();
      assertThat(container.at("/resources/limits/memory").asText()).as(name).isNotBlank();
      assertThat(deployment.at("/spec/selector/matchLabels"))
          .as(name)
          .isEqualTo(deployment.at("/spec/template/metadata/labels"));
      List<String> args = args(container.path("args"));
      if (PENDING.containsKey(args.get(0))) {
        assertThatThrownBy(() -> commandLine().parseArgs(args.toArray(String[]::new)))
            .as("%s: %s now parses; remove it from PENDING", name, args.get(0))
            .isInstanceOf(CommandLine.ParameterException.class);
      } else {
        commandLine().parseArgs(args.toArray(String[]::new));
      }
      assertThat(args)
          .containsSubsequence("--bootstrap-servers", "crossingwatch-kafka-bootstrap:9092");
    }
    assertThat(kinds("crossingwatch.yaml", "Service"))
        .extracting(s -> s.at("/spec/selector/app.kubernetes.io~1component").asText())
        .containsExactly("collector", "processor", "console", "delivery");
  }

  @Test
  void strimziTopicsCarryExactlyTheSettingsOfTheStandardTopicPlan() {
    Map<String, TopicSpec> planned =
        TopicPlan.standard(6, (short) 3).specs().stream()
            .collect(Collectors.toMap(TopicSpec::name, s -> s));
    List<JsonNode> topics = kinds("topics.yaml", "KafkaTopic");

    assertThat(topics)
        .extracting(t -> t.at("/spec/topicName").asText())
        .containsExactlyElementsOf(Topics.ALL);
    for (JsonNode topic : topics) {
      TopicSpec spec = planned.get(topic.at("/spec/topicName").asText());
      Map<String, String> config = new HashMap<>();
      topic
          .at("/spec/config")
          .fields()
          .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
      assertThat(topic.at("/spec/partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
      assertThat(topic.at("/spec/replicas").asInt())
          .as(spec.name())
          .isEqualTo(spec.replicationFactor());
      assertThat(config).as(spec.name()).isEqualTo(spec.configs());
      assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText())
          .isEqualTo("crossingwatch");
    }
    JsonNode kafka = kinds("kafka.yaml", "Kafka").get(0);
    assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
    assertThat(kafka.at("/spec/kafka/config/default.replication.factor").asInt()).isEqualTo(3);
    assertThat(kinds("kafka.yaml", "KafkaNodePool").get(0).at("/spec/replicas").asInt())
        .isEqualTo(3);
  }

  @Test
  void podMonitorScrapesTheHttpPortAndThePrometheusRuleCopiesTheAlertRules() {
    JsonNode monitor = kinds("podmonitor.yaml", "PodMonitor").get(0);
    assertThat(monitor.at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("http");
    assertThat(monitor.at("/spec/podMetricsEndpoints/0/path").asText()).isEqualTo("/metrics");
    assertThat(kinds("crossingwatch.yaml", "Deployment"))
        .allSatisfy(
            d ->
                assertThat(d.at("/spec/template/spec/containers/0/ports/0/name").asText())
                    .isEqualTo("http"));

    JsonNode rule = kinds("podmonitor.yaml", "PrometheusRule").get(0);
    assertThat(rule.at("/spec/groups")).isEqualTo(OpsFiles.yaml(OpsFiles.ALERTS).path("groups"));
  }

  @Test
  void composeCollectorConfigIsAValidCollectorsConfig() throws Exception {
    CollectorConfig config =
        CollectorConfig.load(OpsFiles.PROJECT.resolve("deploy/collectors.yaml"));

    assertThat(config).isNotNull();
    assertThat(COMPOSE.at("/services/collector/volumes/0").asText())
        .isEqualTo("./collectors.yaml:/etc/crossingwatch/collectors.yaml:ro");
  }

  @Test
  void deliveryConfigIsValidAndTakesItsSigningKeyFromTheMountedSecret(@TempDir Path secrets)
      throws Exception {
    Path key = secrets.resolve("crossingwatch-webhook-secret");
    Files.writeString(key, "a-signing-key-for-the-test\n", UTF_8);
    String yaml =
        Files.readString(OpsFiles.PROJECT.resolve("deploy/delivery.yaml"), UTF_8)
            .replace("/run/secrets/crossingwatch-webhook-secret", key.toString());

    DeliveryConfig config = DeliveryConfig.parse("delivery.yaml", yaml, name -> null);

    assertThat(config.sink("duty-desk")).isPresent();
    assertThat(Files.readString(OpsFiles.PROJECT.resolve("deploy/delivery.yaml"), UTF_8))
        .contains("secret: {file: /run/secrets/crossingwatch-webhook-secret}");
    assertThat(COMPOSE.at("/services/delivery/volumes/0").asText())
        .isEqualTo("./delivery.yaml:/etc/crossingwatch/delivery.yaml:ro");
    assertThat(COMPOSE.at("/services/delivery/secrets/0").asText())
        .isEqualTo("crossingwatch-webhook-secret");
    JsonNode pod = kinds("crossingwatch.yaml", "Deployment").get(3).at("/spec/template/spec");
    assertThat(pod.at("/containers/0/volumeMounts"))
        .anySatisfy(m -> assertThat(m.path("mountPath").asText()).isEqualTo("/run/secrets"));
    assertThat(pod.at("/volumes"))
        .anySatisfy(
            v ->
                assertThat(v.at("/secret/secretName").asText())
                    .isEqualTo("crossingwatch-delivery"));
  }

  @Test
  void dockerfileRunsAsANonRootUserWithAHealthCheckOnHealth() throws Exception {
    List<String> lines = Files.readAllLines(OpsFiles.PROJECT.resolve("deploy/Dockerfile"), UTF_8);

    assertThat(lines).anyMatch(l -> l.startsWith("FROM eclipse-temurin:17"));
    assertThat(lines).contains("USER 10001:10001");
    assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK "));
    assertThat(String.join("\n", lines))
        .contains("GET /health")
        .contains("EXPOSE " + defaultHttpPort());
  }

  private static List<JsonNode> kinds(String file, String kind) {
    return OpsFiles.yamlDocuments(OpsFiles.KUBERNETES.resolve(file)).stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .toList();
  }
}

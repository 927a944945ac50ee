package org.crossingwatch.app.process;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.crossingwatch.app.ClusterOption;
import org.crossingwatch.app.ops.OpsHttpOptions;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.console.ReadinessCheck;
import org.crossingwatch.model.Rule;
import org.crossingwatch.stream.Pipeline;
import org.crossingwatch.stream.PipelineSettings;
import org.crossingwatch.stream.rules.LiveRuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch process}: one processor instance against an existing Kafka cluster. Start
 * several with the same {@code --application-id} and they share the partitions; the rule set comes
 * live from {@code cw.rules}.
 */
@Command(
    name = "process",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the stream processor: scores cw.posts.raw into cw.posts.scored, clusters reposts into",
      "cw.alerts, links entities into cw.entities. Instances with the same application id share",
      "the work. Rules come live from cw.rules; --rules is used until cw.rules has a rule."
    })
public final class ProcessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOption cluster;

  @Option(
      names = {"-r", "--rules"},
      description = "Rule directory used until cw.rules holds a rule (default: no rules).")
  Path rules;

  @Option(
      names = {"-d", "--data-dir", "--state-dir"},
      defaultValue = "data/streams",
      description = "Folder for the processor's local state (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(
      names = {"-a", "--application-id"},
      defaultValue = PipelineSettings.DEFAULT_APPLICATION_ID,
      description = "Kafka Streams application id; instances with the same id share the work.")
  String applicationId;

  @Option(
      names = {"--replication-factor"},
      defaultValue = "-1",
      description = "Replication factor of internal topics; -1 for the broker default.")
  int replicationFactor;

  @Mixin OpsHttpOptions http;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Rule> initial = rules == null ? List.of() : RulePackLoader.load(rules);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineSettings settings =
        PipelineSettings.defaults()
            .withApplicationId(applicationId)
            .withReplicationFactor(replicationFactor);
    CountDownLatch stopped = new CountDownLatch(1);
    try (LiveRuleSet live = LiveRuleSet.start(initial, ClassifierSettings.defaults(), registry)) {
      Pipeline pipeline =
          Pipeline.create(cluster.bootstrapServers(), live, settings, stateDir, registry);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    pipeline.close(Duration.ofSeconds(30));
                    stopped.countDown();
                  },
                  "process-shutdown"));
      pipeline.start();
      Javalin ops =
          http.start(
              registry,
              List.of(
                  new ReadinessCheck("pipeline", () -> pipeline.state().isRunningOrRebalancing())));
      out.printf(
          "Processing on %s as %s (initial rules %s)%n",
          cluster.bootstrapServers(), applicationId, live.ruleSetVersion());
      out.flush();
      stopped.await();
      ops.stop();
    }
    return 0;
  }
}

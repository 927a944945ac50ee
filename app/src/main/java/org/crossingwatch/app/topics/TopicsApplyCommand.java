package org.crossingwatch.app.topics;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.crossingwatch.app.ClusterOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch topics apply}: creates the topics of {@link TopicPlan#standard} that are
 * missing and reports the ones that exist as planned and the ones that differ. It never changes an
 * existing topic, so running it again is harmless.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the missing CrossingWatch topics with their planned partitions, replication,",
      "min.insync.replicas, retention and compaction. Existing topics are never changed: they",
      "are reported as unchanged or differing. Exit code 0 when the cluster matches the plan,",
      "3 when a topic differs."
    })
public final class TopicsApplyCommand implements Callable<Integer> {
  /** Exit code when an existing topic differs from the plan. */
  static final int DIFFERING = 3;

  @Spec CommandSpec spec;

  @Mixin ClusterOption cluster;

  @Option(
      names = {"--partitions"},
      defaultValue = "6",
      description = "Partitions of the data topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = {"--replication-factor"},
      defaultValue = "3",
      description = "Replicas per partition (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  @Option(
      names = {"--command-config"},
      description = "Properties file with extra admin client settings (TLS, SASL).")
  Path commandConfig;

  @Option(
      names = {"--dry-run"},
      description = "Report what would be created without creating anything.")
  boolean dryRun;

  @Override
  public Integer call() {
    TopicPlan plan = plan();
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = Admin.create(adminConfig())) {
      TopicComparison comparison = plan.compare(admin);
      List<String> created = dryRun ? List.of() : plan.apply(admin);
      out.printf(
          "Topics on %s (plan: %d partitions, replication factor %d)%s:%n",
          cluster.bootstrapServers(), partitions, replicationFactor, dryRun ? ", dry run" : "");
      for (String name : comparison.missing()) {
        out.printf(
            "%-14s %s%n", dryRun || !created.contains(name) ? "would create" : "created", name);
      }
      for (String name : comparison.unchanged()) {
        out.printf("%-14s %s%n", "unchanged", name);
      }
      comparison
          .differing()
          .forEach(
              (name, differences) ->
                  out.printf("%-14s %s: %s%n", "differing", name, String.join("; ", differences)));
      if (!comparison.differing().isEmpty()) {
        out.println("Differing topics were left as they are; see docs/operations.md, Topics.");
      }
      out.flush();
      return comparison.differing().isEmpty() ? 0 : DIFFERING;
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }

  private TopicPlan plan() {
    try {
      return TopicPlan.standard(partitions, replicationFactor);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private Map<String, Object> adminConfig() {
    Map<String, Object> config = new HashMap<>();
    if (commandConfig != null) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(commandConfig, UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new ParameterException(
            spec.commandLine(), "Cannot read --command-config " + commandConfig + ": " + e, e);
      }
      properties.forEach((key, value) -> config.put(String.valueOf(key), value));
    }
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    return config;
  }
}

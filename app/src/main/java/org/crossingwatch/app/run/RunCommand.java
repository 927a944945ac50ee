package org.crossingwatch.app.run;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.crossingwatch.app.Home;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.rules.RuleLoadException;
import org.crossingwatch.collectors.config.ConfigException;
import org.crossingwatch.delivery.DeliveryConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch run}: everything in one JVM, on the embedded broker unless told otherwise.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs everything in one JVM: a Kafka broker (embedded unless --bootstrap-servers),",
      "the sample collector, the classification pipeline, one printed line per alert,",
      "and /health, /ready and /metrics over HTTP. Ctrl-C stops it; running it again resumes."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-d", "--data-dir"},
      defaultValue = "data",
      description =
          "Folder for the embedded broker, Streams state and console data (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      description = "Use this Kafka cluster (HOST:PORT[,...]) instead of the embedded broker.")
  String bootstrapServers;

  @Option(
      names = {"-r", "--rules"},
      description = "Rule pack folder or file (default: the bundled rules/).")
  Path rules;

  @Option(
      names = {"-i", "--input"},
      description = "JSONL file of posts to replay (default: the bundled samples/posts.jsonl).")
  Path posts;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep watching the input file for new lines after replaying it.")
  boolean follow;

  @Option(
      names = {"-s", "--sources"},
      description = "Collectors config (YAML) whose sources also run; see docs/sources.md.")
  Path sources;

  @Option(
      names = {"--delivery"},
      description =
          "Alert delivery config (YAML) for webhooks, e-mail and chat; see docs/delivery.md.")
  Path delivery;

  @Option(
      names = {"--http-host"},
      defaultValue = "127.0.0.1",
      description = "Address for the HTTP endpoints (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(
      names = {"-p", "--http-port"},
      defaultValue = "8080",
      description = "Port for the HTTP endpoints; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = {"--partitions"},
      defaultValue = "3",
      description =
          "Partitions of the data topics when they are created (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = {"-t", "--threshold"},
      description =
          "Alert threshold in [0,1] (default: " + ClassifierSettings.DEFAULT_ALERT_THRESHOLD + ").")
  Double threshold;

  @Override
  public Integer call() throws Exception {
    RunSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    AllInOne all;
    try {
      all = AllInOne.start(settings, out);
    } catch (RuleLoadException e) {
      spec.commandLine().getErr().println("Rules did not load:\n" + e.getMessage());
      return 2;
    } catch (ConfigException | DeliveryConfigException e) {
      spec.commandLine().getErr().println("Invalid config:\n" + e.getMessage());
      return 2;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping...");
                  out.flush();
                  all.close();
                  stopped.countDown();
                },
                "shutdown"));
    out.println("Running. Ctrl-C stops.");
    out.flush();
    stopped.await();
    return 0;
  }

  RunSettings settings() {
    Path home = Home.dir();
    Path rulePath = rules != null ? rules : home.resolve("rules");
    Path postPath = posts != null ? posts : home.resolve("samples").resolve("posts.jsonl");
    if (!Files.exists(rulePath)) {
      throw new ParameterException(spec.commandLine(), "Rules not found: " + rulePath);
    }
    if (!Files.isRegularFile(postPath)) {
      throw new ParameterException(spec.commandLine(), "Input file not found: " + postPath);
    }
    ClassifierSettings classifier = ClassifierSettings.defaults();
    if (threshold != null) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new ParameterException(
            spec.commandLine(), "--threshold must be in [0,1], was " + threshold);
      }
      classifier = classifier.withAlertThreshold(threshold);
    }
    try {
      return new RunSettings(
          dataDir,
          Optional.ofNullable(bootstrapServers),
          rulePath,
          postPath,
          follow,
          httpHost,
          httpPort,
          partitions,
          classifier,
          Optional.ofNullable(sources),
          Optional.ofNullable(delivery));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}

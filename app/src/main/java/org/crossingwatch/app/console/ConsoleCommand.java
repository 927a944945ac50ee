package org.crossingwatch.app.console;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.crossingwatch.app.ClusterOption;
import org.crossingwatch.console.Console;
import org.crossingwatch.console.ConsoleSettings;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crossingwatch console}: the officers' web console against an existing Kafka cluster. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the officers' console (live alert feed, triage, search, evidence export) over HTTP.",
      "Reads cw.alerts, cw.feedback and cw.audit from the cluster; writes decisions and audit",
      "events. Creates an admin user with a one-time password if the users file is missing."
    })
public final class ConsoleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOption cluster;

  @Option(
      names = {"-d", "--data-dir"},
      defaultValue = "data",
      description =
          "Folder for the console's users file and search index (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = {"-u", "--users"},
      description = "Users file (default: <data-dir>/console/users.yaml).")
  Path usersFile;

  @Option(
      names = {"--warc-dir"},
      description =
          "Folder where collectors keep WARC captures named <sha256>.warc.gz, for exports.")
  Path warcDir;

  @Option(
      names = {"--http-host"},
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(
      names = {"-p", "--http-port"},
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = {"--secure-cookies"},
      description = "Mark the session cookie Secure (set this when a proxy serves HTTPS).")
  boolean secureCookies;

  @Override
  public Integer call() throws Exception {
    ConsoleSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    printBootstrapPassword(
        out, Users.bootstrapAdminIfMissing(settings.usersFile(), new PasswordHasher()));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CountDownLatch stopped = new CountDownLatch(1);
    Console console = Console.start(settings, cluster.bootstrapServers(), registry, List.of());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  console.close();
                  stopped.countDown();
                },
                "console-shutdown"));
    out.println(
        "Console on http://" + settings.host() + ":" + console.port() + "/ . Ctrl-C stops.");
    out.flush();
    stopped.await();
    return 0;
  }

  ConsoleSettings settings() {
    if (httpPort < 0 || httpPort > 65_535) {
      throw new ParameterException(
          spec.commandLine(), "--http-port must be 0..65535, was " + httpPort);
    }
    ConsoleSettings settings =
        ConsoleSettings.defaults(dataDir)
            .withHost(httpHost)
            .withPort(httpPort)
            .withSecureCookies(secureCookies);
    if (usersFile != null) {
      settings = settings.withUsersFile(usersFile);
    }
    if (warcDir != null) {
      settings = settings.withWarcDir(warcDir);
    }
    return settings;
  }

  /**
   * Prints a freshly created admin password to the terminal, once. It goes to the command's output
   * only, never to a log, because logs are kept and shipped.
   */
  public static void printBootstrapPassword(PrintWriter out, Optional<String> password) {
    password.ifPresent(
        p -> {
          out.println("Created console user 'admin' with password: " + p);
          out.println(
              "It is shown only now. Add officers with: crossingwatch users add NAME --role officer");
          out.flush();
        });
  }
}

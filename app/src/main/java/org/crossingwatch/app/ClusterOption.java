package org.crossingwatch.app;

import picocli.CommandLine.Option;

/**
 * The {@code -b/--bootstrap-servers} option of every role and tool that needs an external Kafka
 * cluster, as a picocli mixin ({@code @Mixin ClusterOption cluster;}) so the flag reads the same
 * everywhere. Commands where the cluster is optional ({@code run}, {@code rules backtest}) declare
 * their own option, because its meaning there differs.
 */
public final class ClusterOption {
  @Option(
      names = {"-b", "--bootstrap-servers"},
      required = true,
      description = "The Kafka cluster, HOST:PORT[,...].")
  private String bootstrapServers;

  /** The bootstrap servers as given on the command line. */
  public String bootstrapServers() {
    return bootstrapServers;
  }
}

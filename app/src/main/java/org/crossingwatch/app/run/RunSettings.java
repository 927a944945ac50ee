package org.crossingwatch.app.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.classifier.ClassifierSettings;

/**
 * What {@link AllInOne} starts with.
 *
 * @param dataDir where the embedded broker, the Streams state and the console keep their data
 * @param bootstrapServers an existing cluster to use instead of the embedded broker
 * @param rules the rule pack directory or file
 * @param posts the JSONL file of posts to replay
 * @param followPosts whether to keep watching the posts file for new lines once it is replayed
 * @param httpHost the address the HTTP endpoints bind to
 * @param httpPort their port; 0 picks a free one
 * @param partitions partitions of the data topics when they are created
 * @param classifier the classifier's settings (alert threshold, scoring model)
 * @param sources a collectors config whose sources run beside the JSONL replay
 * @param delivery an alert delivery config; without it alerts are only printed and shown
 */
public record RunSettings(
    Path dataDir,
    Optional<String> bootstrapServers,
    Path rules,
    Path posts,
    boolean followPosts,
    String httpHost,
    int httpPort,
    int partitions,
    ClassifierSettings classifier,
    Optional<Path> sources,
    Optional<Path> delivery) {

  public RunSettings {
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(classifier, "classifier");
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("HTTP port must be in 0..65535, was " + httpPort);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("Partitions must be at least 1, was " + partitions);
    }
  }

  /** Settings with neither a sources config nor a delivery config. */
  public RunSettings(
      Path dataDir,
      Optional<String> bootstrapServers,
      Path rules,
      Path posts,
      boolean followPosts,
      String httpHost,
      int httpPort,
      int partitions,
      ClassifierSettings classifier) {
    this(
        dataDir,
        bootstrapServers,
        rules,
        posts,
        followPosts,
        httpHost,
        httpPort,
        partitions,
        classifier,
        Optional.empty(),
        Optional.empty());
  }
}

package org.crossingwatch.bench.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.topics.TopicPlan;
import org.crossingwatch.classifier.Classifier;
import org.crossingwatch.classifier.ClassifierSettings;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.classifier.rules.RulePackLoader;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.Pipeline;
import org.crossingwatch.stream.PipelineSettings;
import org.crossingwatch.stream.PipelineTopology;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end pipeline benchmark on an embedded broker, all in one run: the shipped classifier
 * alone on {@code --threads} threads (after a warm-up as long as the full pipeline's); an identity
 * topology ({@code cw.posts.raw} to {@code cw.posts.scored}, exactly_once_v2) and the full
 * pipeline, each with {@code --threads} stream threads over the same {@code --posts} posts already
 * waiting in {@code cw.posts.raw} (the full pipeline after {@code --warm-up-rounds} warm-up runs
 * over {@code --warm-up-posts} posts, each under an application id of its own); then the latency
 * from produce to committed alert at a sustainable offered rate (half the full pipeline's, or
 * {@code --sustained-rate}) and at {@code --rate}; then the classifier alone once more, with the
 * pipeline stopped. Prints a Markdown table with posts per second and the JVM's CPU time per post;
 * the percentages are of the faster classifier-alone run. With {@code --bootstrap-servers} it uses
 * a running broker instead of the embedded one, such as a {@link BenchBroker} on other vCPUs.
 */
@Command(
    name = "pipeline-benchmark",
    mixinStandardHelpOptions = true,
    description = "End-to-end throughput and latency of the pipeline on an embedded broker.")
public final class PipelineBenchmark implements Callable<Integer> {
  private static final int PARTITIONS = 4;
  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(10);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-n", "--posts"},
      defaultValue = "20000",
      description = "Posts per throughput measurement.")
  int posts;

  @Option(
      names = {"-t", "--threads"},
      defaultValue = "2",
      description = "Classifier threads and stream threads.")
  int threads;

  @Option(
      names = {"-r", "--rate"},
      defaultValue = "1000",
      description = "Offered posts per second in the latency measurement.")
  int rate;

  @Option(
      names = {"--sustained-rate"},
      defaultValue = "0",
      description =
          "Offered posts per second in a second latency measurement, run first; 0 (the default)"
              + " for half the full pipeline's measured rate, -1 to skip it.")
  int sustainedRate;

  @Option(
      names = {"-w", "--warm-up-posts"},
      defaultValue = "6000",
      description =
          "Posts the full pipeline runs over, under another application id, before it is timed"
              + " (at most --posts) in each warm-up round; the classifier alone is warmed up on as"
              + " many posts as all rounds together.")
  int warmUpPosts;

  @Option(
      names = {"--warm-up-rounds"},
      defaultValue = "4",
      description =
          "Times the full pipeline's warm-up runs, each under an application id of its own from"
              + " empty state: more rounds measure the pipeline after the JIT has settled.")
  int warmUpRounds;

  @Option(
      names = {"-s", "--latency-seconds"},
      defaultValue = "30",
      description = "Length of the latency measurement.")
  int latencySeconds;

  @Option(
      names = {"--commit-interval-ms"},
      defaultValue = "0",
      description =
          "Overrides commit.interval.ms of the identity and full pipelines, to try another; 0 (the"
              + " default) keeps the pipeline's own.")
  long commitIntervalMs;

  @Option(
      names = {"--streams-config"},
      description =
          "A Kafka Streams, producer or consumer setting for the identity and full pipelines, to"
              + " try another (repeatable), e.g. producer.max.in.flight.requests.per.connection=1.")
  Map<String, String> streamsOverrides = Map.of();

  @Option(
      names = {"--internal-partitions"},
      defaultValue = "0",
      description =
          "Partitions of the clustering steps' repartition topics (fingerprint and band lookups);"
              + " 0 (the default) keeps the pipeline's own.")
  int internalPartitions;

  @Option(
      names = {"--bootstrap-servers"},
      description =
          "Use this running broker instead of starting an embedded one, e.g. a BenchBroker in a"
              + " process of its own, pinned to other vCPUs than this benchmark. It must be empty:"
              + " the benchmark creates the standard topics.")
  String bootstrapServers;

  @Option(
      names = {"--root"},
      defaultValue = ".",
      description = "The project folder, with rules/, data/corpus/ and samples/.")
  Path root;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PipelineBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    BenchPosts corpus = BenchPosts.load(root);
    Instant collected = Instant.parse("2026-11-01T00:00:00Z");
    List<Post> batch =
        java.util.stream.LongStream.range(0, posts)
            .mapToObj(n -> corpus.post(n, collected.plusMillis(n)))
            .toList();
    ClassifierSettings settings = ClassifierSettings.defaults();
    Path work = Files.createTempDirectory("cw-pipeline-bench");
    try (Classifier classifier =
            Classifier.fromRules(RulePackLoader.load(root.resolve("rules")), settings);
        // Null, which try-with-resources skips, when --bootstrap-servers names a broker.
        EmbeddedKafkaBroker broker =
            bootstrapServers == null ? EmbeddedKafkaBroker.start(work.resolve("kafka")) : null;
        Admin admin =
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers(broker)))) {
      out.printf(
          Locale.ROOT,
          "%d posts (%d distinct texts), %d rules, %d threads, %d partitions, %d vCPU%n",
          posts,
          corpus.texts(),
          classifier.rules().size(),
          threads,
          PARTITIONS,
          Runtime.getRuntime().availableProcessors());
      out.flush();
      progress("classifier alone");
      ClassifierAlone.Result alone =
          ClassifierAlone.measure(
              classifier, batch, threads, warmUpRounds * Math.min(warmUpPosts, posts));
      String servers = servers(broker);
      TopicPlan.standard(PARTITIONS, (short) 1).apply(admin);
      produce(servers, batch);

      progress("identity topology");
      OutputWatch.Span identity =
          throughput(servers, identityTopology(), "bench-identity", work, posts, 0);
      TimedClassifier timed = new TimedClassifier(classifier);
      progress("full pipeline, warm-up");
      warmUp(servers, admin, timed, work);
      progress("full pipeline");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      PipelineSettings pipelineSettings = pipelineSettings("bench-pipeline");
      Topology full =
          PipelineTopology.build(new StreamsBuilder(), () -> timed, pipelineSettings, registry);
      OutputWatch.Span fullRun;
      Map<String, Long> writes;
      Optional<LatencyRun.Result> sustained = Optional.empty();
      LatencyRun.Result latency;
      try (KafkaStreams pipeline = start(servers, full, "bench-pipeline", work, registry)) {
        BrokerWrites before = BrokerWrites.snapshot(admin);
        try (OutputWatch watch = new OutputWatch(servers, timed::cpuNanos)) {
          fullRun = watch.await(posts, alone.alerting(), PHASE_TIMEOUT);
        }
        writes = BrokerWrites.snapshot(admin).since(before, "bench-pipeline-");
        progress("latency");
        // The sustainable rate first: a saturating rate leaves a backlog behind it.
        long nextIndex = posts;
        int sustainedPerSecond =
            sustainedRate != 0 ? sustainedRate : halfOrDefault(fullRun.perSecond());
        if (sustainedRate >= 0) {
          sustained =
              Optional.of(
                  LatencyRun.run(
                      servers,
                      corpus,
                      nextIndex,
                      sustainedPerSecond,
                      Duration.ofSeconds(latencySeconds)));
          nextIndex += sustained.get().offered();
        }
        latency =
            LatencyRun.run(servers, corpus, nextIndex, rate, Duration.ofSeconds(latencySeconds));
      }
      // Once more with the JIT as far along as it gets in this run and the pipeline stopped: the
      // faster of the two runs is the ceiling the pipelines are held against.
      progress("classifier alone, again");
      ClassifierAlone.Result again = ClassifierAlone.measure(classifier, batch, threads, 0);
      print(out, alone, again, identity, fullRun, sustained, latency);
      cpuSplit(out, fullRun);
      brokerWrites(out, writes);
    } finally {
      // Broker logs and state stores of one run take hundreds of megabytes.
      Utils.delete(work.toFile());
    }
    return 0;
  }

  private void print(
      PrintWriter out,
      ClassifierAlone.Result alone,
      ClassifierAlone.Result again,
      OutputWatch.Span identity,
      OutputWatch.Span full,
      Optional<LatencyRun.Result> sustained,
      LatencyRun.Result latency) {
    ClassifierAlone.Result ceiling = alone.perSecond() >= again.perSecond() ? alone : again;
    out.println();
    out.println(
        "| measurement | threads | posts/s | of classifier alone | JVM CPU ms per post |"
            + " classifier's CPU share |");
    out.println("|---|---:|---:|---:|---:|---:|");
    row(
        out,
        "classifier alone (no Kafka), first",
        alone.perSecond(),
        alone.cpuMillisPerPost(),
        ceiling);
    row(
        out,
        "classifier alone (no Kafka), after the pipelines",
        again.perSecond(),
        again.cpuMillisPerPost(),
        ceiling);
    row(
        out,
        "identity topology, exactly_once_v2",
        identity.perSecond(),
        identity.cpuMillisPerPost(),
        ceiling);
    row(out, "full pipeline, exactly_once_v2", full.perSecond(), full.cpuMillisPerPost(), ceiling);
    out.println();
    out.println(
        "Percentages are of the faster classifier-alone run; the CPU share is its CPU per post over"
            + " the row's.");
    sustained.ifPresent(run -> latencyLine(out, run));
    latencyLine(out, latency);
    out.flush();
  }

  /** Where the full pipeline's throughput phase spent the JVM's CPU, per post. */
  private static void cpuSplit(PrintWriter out, OutputWatch.Span full) {
    if (full.timedPosts() == 0) {
      return;
    }
    out.println("JVM CPU per post in the full pipeline's throughput phase, by what spent it:");
    full.cpu()
        .millisPerPost(full.timedPosts())
        .forEach((part, millis) -> out.printf(Locale.ROOT, "  %-50s %5.2f ms%n", part, millis));
    out.flush();
  }

  /** Offsets the full pipeline's throughput phase wrote to the broker, per post and per topic. */
  private void brokerWrites(PrintWriter out, Map<String, Long> writes) {
    long total = writes.values().stream().mapToLong(Long::longValue).sum();
    out.printf(
        Locale.ROOT,
        "Broker writes (records and transaction markers) in the full pipeline's throughput phase:"
            + " %.2f per post%n",
        (double) total / posts);
    writes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            entry ->
                out.printf(
                    Locale.ROOT,
                    "  %-45s %6.2f per post%n",
                    entry.getKey(),
                    (double) entry.getValue() / posts));
    out.flush();
  }

  /**
   * Marks the start of a phase on standard error with the JVM's uptime, the clock of {@code -Xlog}
   * and JFR, so a JIT or GC log can be cut by phase.
   */
  private static void progress(String phase) {
    System.err.printf(
        Locale.ROOT,
        "[%.3fs] %s%n",
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
        phase);
  }

  /** Half the measured rate, or half the offered latency rate when no rate could be measured. */
  private int halfOrDefault(double perSecond) {
    return (int) Math.max(1, (Double.isNaN(perSecond) ? rate : perSecond) / 2);
  }

  private static void latencyLine(PrintWriter out, LatencyRun.Result latency) {
    out.printf(
        Locale.ROOT,
        "Latency, produce to committed alert, %d posts offered at %.0f posts/s: %d alert records,"
            + " p50 %d ms, p99 %d ms, max %d ms%n",
        latency.offered(),
        latency.offeredPerSecond(),
        latency.millis().size(),
        latency.percentile(50),
        latency.percentile(99),
        latency.percentile(100));
  }

  /**
   * One table row; a rate that could not be measured (all output in one poll) prints as {@code
   * n/a}. Percentages are of the {@code ceiling}, the faster classifier-alone run. The last column
   * is the ceiling's CPU per post over this row's: what share of the row's CPU classification would
   * take, a throughput ratio that, unlike posts per second, holds on a machine shared with other
   * work.
   */
  private void row(
      PrintWriter out,
      String name,
      double perSecond,
      double cpuMillisPerPost,
      ClassifierAlone.Result ceiling) {
    if (Double.isNaN(perSecond)) {
      out.printf(
          Locale.ROOT,
          "| %s | %d | n/a (every verdict came in one poll: raise --posts) | | | |%n",
          name,
          threads);
      return;
    }
    out.printf(
        Locale.ROOT,
        "| %s | %d | %,.0f | %.0f%% | %.2f | %.0f%% |%n",
        name,
        threads,
        perSecond,
        100 * perSecond / ceiling.perSecond(),
        cpuMillisPerPost,
        100 * ceiling.cpuMillisPerPost() / cpuMillisPerPost);
  }

  /**
   * Runs the full pipeline {@code --warm-up-rounds} times, each under an application id of its own
   * over the first {@code --warm-up-posts} posts, stops it and deletes its topics and state: the
   * JIT compiles the Kafka, Streams, broker and clustering code paths before the timed run (a JIT
   * log showed the C2 compiler busy for the whole run after one 6,000-post round). The measured
   * pipeline then starts with empty state and reads every post from the beginning.
   */
  private void warmUp(String servers, Admin admin, PostClassifier classifier, Path work)
      throws Exception {
    for (int round = 1; round <= warmUpRounds; round++) {
      String applicationId = "bench-pipeline-warm-up-" + round;
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      Topology topology =
          PipelineTopology.build(
              new StreamsBuilder(), () -> classifier, pipelineSettings(applicationId), registry);
      // The watch first: it counts only what is committed after it opened.
      try (OutputWatch watch = new OutputWatch(servers);
          KafkaStreams streams = start(servers, topology, applicationId, work, registry)) {
        watch.await(Math.min(warmUpPosts, posts), 0, PHASE_TIMEOUT);
      }
      // A round's topics and state would stay on the broker and disk, and every later phase would
      // pay for them (more partitions to fetch and clean): remove them.
      Utils.delete(work.resolve(applicationId).toFile());
      Set<String> internal =
          admin.listTopics().names().get().stream()
              .filter(topic -> topic.startsWith(applicationId + "-"))
              .collect(Collectors.toSet());
      admin.deleteTopics(internal).all().get();
    }
  }

  /** The pipeline's settings under an application id, with {@code --internal-partitions}. */
  private PipelineSettings pipelineSettings(String applicationId) {
    PipelineSettings settings = PipelineSettings.defaults().withApplicationId(applicationId);
    return internalPartitions > 0
        ? settings
            .withFingerprintPartitions(internalPartitions)
            .withBandPartitions(internalPartitions)
        : settings;
  }

  /** {@code cw.posts.raw} copied to {@code cw.posts.scored} unchanged: Kafka and EOS alone. */
  private static Topology identityTopology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            Topics.POSTS_RAW,
            org.apache.kafka.streams.kstream.Consumed.with(
                    org.apache.kafka.common.serialization.Serdes.ByteArray(),
                    org.apache.kafka.common.serialization.Serdes.ByteArray())
                .withName("read-raw-posts"))
        .to(
            Topics.POSTS_SCORED,
            org.apache.kafka.streams.kstream.Produced.with(
                    org.apache.kafka.common.serialization.Serdes.ByteArray(),
                    org.apache.kafka.common.serialization.Serdes.ByteArray())
                .withName("write-unchanged"));
    return builder.build();
  }

  private OutputWatch.Span throughput(
      String servers, Topology topology, String applicationId, Path work, long count, long alerts)
      throws Exception {
    try (OutputWatch watch = new OutputWatch(servers);
        KafkaStreams streams =
            start(servers, topology, applicationId, work, new SimpleMeterRegistry())) {
      return watch.await(count, alerts, PHASE_TIMEOUT);
    }
  }

  /** The embedded broker's address, or {@code --bootstrap-servers} when there is none. */
  private String servers(EmbeddedKafkaBroker embedded) {
    return embedded == null ? bootstrapServers : embedded.bootstrapServers();
  }

  private KafkaStreams start(
      String servers,
      Topology topology,
      String applicationId,
      Path work,
      SimpleMeterRegistry registry) {
    Properties config =
        Pipeline.streamsConfig(
            servers,
            PipelineSettings.defaults().withApplicationId(applicationId),
            work.resolve(applicationId));
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    if (commitIntervalMs > 0) {
      config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    }
    config.putAll(streamsOverrides);
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    KafkaStreams streams = new KafkaStreams(topology, config);
    streams.start();
    return streams;
  }

  private static void produce(String servers, List<Post> batch) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                // One request in flight: on a loaded machine a retried first batch otherwise
                // met later batches already written and the producer looped on
                // OutOfOrderSequenceException.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1),
            new StringSerializer(),
            new StringSerializer())) {
      for (Post post : batch) {
        producer.send(new ProducerRecord<>(Topics.POSTS_RAW, post.key(), Json.write(post)));
      }
      producer.flush();
    }
  }
}

package org.crossingwatch.collectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.crossingwatch.collectors.jsonl.JsonlSource;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorRunnerTest {
  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SOURCE_ID = "jsonl:posts.jsonl";

  private static final String ARABIC =
      "{\"platform\":\"telegram\",\"channel\":\"safar_europa\",\"externalId\":\"1\","
          + "\"text\":\"رحلة بحرية من زوارة إلى لامبيدوزا 🚤\"}";
  private static final String PERSIAN =
      "{\"platform\":\"telegram\",\"channel\":\"rah_e_orupa\",\"externalId\":\"2\","
          + "\"text\":\"انتقال از ترکیه به یونان با قایق\"}";
  private static final String FRENCH =
      "{\"platform\":\"facebook\",\"channel\":\"passage-calais\",\"externalId\":\"3\","
          + "\"text\":\"Passage garanti vers l'Angleterre en camion\"}";
  private static final String RUSSIAN =
      "{\"platform\":\"vk\",\"channel\":\"evropa_bez_viz\",\"externalId\":\"4\","
          + "\"text\":\"Документы для въезда в Европу\"}";

  @TempDir Path dir;

  @Test
  void publishesTheBatchAndItsCheckpointInOneTransactionThenStopsWhenExhausted() throws Exception {
    Path file = write(ARABIC, PERSIAN, FRENCH);
    RecordingProducer producer = new RecordingProducer();

    CollectorRunner runner = runner(file, producer, new InMemoryCheckpointStore()).build();
    runner.start();

    assertThat(runner.awaitTermination(WAIT)).isTrue();
    assertThat(producer.events)
        .containsExactly(
            "init",
            "begin",
            "send cw.posts.raw telegram:safar_europa:1",
            "send cw.posts.raw telegram:rah_e_orupa:2",
            "send cw.posts.raw facebook:passage-calais:3",
            "send cw.collector.state jsonl:posts.jsonl",
            "commit");
    assertThat(producer.committedPosts()).isEqualTo(postsIn(file));
    assertThat(producer.committedCheckpoints())
        .containsExactly(new Checkpoint(SOURCE_ID, endOf(file, 4), NOW, 3));
    assertThat(runner.lastCheckpoint()).contains(new Checkpoint(SOURCE_ID, endOf(file, 4), NOW, 3));
    assertThat(runner.failure()).isEmpty();
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void eachBatchCommitsWithTheCheckpointRightAfterItsLastPost() throws Exception {
    Path file = write(ARABIC, PERSIAN, FRENCH);
    RecordingProducer producer = new RecordingProducer();
    long afterTwoLines = (ARABIC + "\n" + PERSIAN + "\n").getBytes(UTF_8).length;

    CollectorRunner runner =
        runner(file, producer, new InMemoryCheckpointStore()).batchSize(2).build();
    runner.start();

    assertThat(runner.awaitTermination(WAIT)).isTrue();
    assertThat(producer.commitCount()).isEqualTo(2);
    assertThat(producer.committedCheckpoints())
        .containsExactly(
            new Checkpoint(SOURCE_ID, "byte=" + afterTwoLines + ",line=3", NOW, 2),
            new Checkpoint(SOURCE_ID, endOf(file, 4), NOW, 3));
  }

  @Test
  void aFailedSendAbortsTheTransactionAndRetriesTheSameBatch() throws Exception {
    Path file = write(ARABIC, PERSIAN);
    RecordingProducer producer = new RecordingProducer();
    producer.sendsToFail.set(1);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    CollectorRunner runner =
        runner(file, producer, new InMemoryCheckpointStore()).meterRegistry(registry).build();
    runner.start();

    assertThat(runner.awaitTermination(WAIT)).isTrue();
    assertThat(producer.events)
        .containsExactly(
            "init",
            "begin",
            "send failed cw.posts.raw telegram:safar_europa:1",
            "abort",
            "begin",
            "send cw.posts.raw telegram:safar_europa:1",
            "send cw.posts.raw telegram:rah_e_orupa:2",
            "send cw.collector.state jsonl:posts.jsonl",
            "commit");
    assertThat(producer.committedPosts()).isEqualTo(postsIn(file));
    assertThat(producer.committedCheckpoints())
        .containsExactly(new Checkpoint(SOURCE_ID, endOf(file, 3), NOW, 2));
    assertThat(count(registry, "crossingwatch.collector.errors", "stage", "publish")).isEqualTo(1);
    assertThat(count(registry, "crossingwatch.collector.posts.published", null, null)).isEqualTo(2);
  }

  @Test
  void aRestartFromTheStoredCheckpointPublishesOnlyTheRest() throws Exception {
    Path file = write(ARABIC, PERSIAN);
    RecordingProducer firstRun = new RecordingProducer();
    CollectorRunner first = runner(file, firstRun, new InMemoryCheckpointStore()).build();
    first.start();
    assertThat(first.awaitTermination(WAIT)).isTrue();
    Checkpoint stored = firstRun.committedCheckpoints().get(0);

    Files.writeString(file, FRENCH + "\n" + RUSSIAN + "\n", UTF_8, StandardOpenOption.APPEND);
    RecordingProducer secondRun = new RecordingProducer();
    CollectorRunner second =
        runner(file, secondRun, new InMemoryCheckpointStore().put(stored)).build();
    second.start();

    assertThat(second.awaitTermination(WAIT)).isTrue();
    assertThat(secondRun.committedPosts())
        .extracting(Post::key)
        .containsExactly("facebook:passage-calais:3", "vk:evropa_bez_viz:4");
    assertThat(secondRun.committedPosts()).isEqualTo(postsIn(file).subList(2, 4));
    assertThat(secondRun.committedCheckpoints())
        .containsExactly(new Checkpoint(SOURCE_ID, endOf(file, 5), NOW, 4));
    assertThat(second.postsPublished()).isEqualTo(4);
    assertThat(second.postsPublishedThisRun()).isEqualTo(2);
  }

  @Test
  void aProducerThatCannotAbortIsReplacedAndThePositionReReadFromTheStore() throws Exception {
    Path file = write(ARABIC, PERSIAN);
    RecordingProducer stuck = new RecordingProducer();
    stuck.sendsToFail.set(1);
    stuck.abortTransactionException = new KafkaException("Cannot abort: commit timed out");
    RecordingProducer replacement = new RecordingProducer();
    Iterator<RecordingProducer> producers = List.of(stuck, replacement).iterator();
    AtomicInteger loads = new AtomicInteger();
    CheckpointStore store =
        sourceId -> {
          loads.incrementAndGet();
          return Optional.empty();
        };

    CollectorRunner runner =
        CollectorRunner.builder(JsonlSource.of(file, SOURCE_ID, CLOCK))
            .producerFactory(producers::next)
            .checkpointStore(store)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .clock(CLOCK)
            .build();
    runner.start();

    assertThat(runner.awaitTermination(WAIT)).isTrue();
    assertThat(stuck.events)
        .containsExactly(
            "init", "begin", "send failed cw.posts.raw telegram:safar_europa:1", "abort");
    assertThat(stuck.closed()).isTrue();
    assertThat(loads).hasValue(2);
    assertThat(replacement.committedPosts()).isEqualTo(postsIn(file));
    assertThat(replacement.committedCheckpoints())
        .containsExactly(new Checkpoint(SOURCE_ID, endOf(file, 3), NOW, 2));
  }

  @Test
  void aFencedProducerStopsTheRunnerWithTheFailureAndPublishesNothing() throws Exception {
    Path file = write(ARABIC);
    RecordingProducer producer = RecordingProducer.fencedAfterInit();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    CollectorRunner runner =
        runner(file, producer, new InMemoryCheckpointStore()).meterRegistry(registry).build();
    runner.start();

    assertThat(runner.awaitTermination(WAIT)).isTrue();
    assertThat(runner.failure()).containsInstanceOf(ProducerFencedException.class);
    assertThat(producer.history()).isEmpty();
    assertThat(producer.events).containsExactly("init", "begin");
    assertThat(count(registry, "crossingwatch.collector.errors", "stage", "fatal")).isEqualTo(1);
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void badLinesAreCountedAsSkippedByReasonAndTheCheckpointMovesPastThem() throws Exception {
    Path file =
        write(
            ARABIC,
            "not json",
            "{\"platform\":\"telegram\",\"channel\":\"c\",\"externalId\":\"9\"}",
            PERSIAN);
    RecordingProducer producer = new RecordingProducer();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    CollectorRunner runner =
        runner(file, producer, new InMemoryCheckpointStore()).meterRegistry(registry).build();
    runner.start();

    assertThat(runner.awaitTermination(WAIT)).isTrue();
    assertThat(producer.committedPosts())
        .extracting(Post::key)
        .containsExactly("telegram:safar_europa:1", "telegram:rah_e_orupa:2");
    assertThat(producer.committedCheckpoints())
        .containsExactly(new Checkpoint(SOURCE_ID, endOf(file, 5), NOW, 2));
    assertThat(count(registry, "crossingwatch.collector.posts.skipped", "reason", "malformed-json"))
        .isEqualTo(1);
    assertThat(count(registry, "crossingwatch.collector.posts.skipped", "reason", "invalid-post"))
        .isEqualTo(1);
    assertThat(count(registry, "crossingwatch.collector.posts.published", null, null)).isEqualTo(2);
  }

  @Test
  void followingAGrowingFileKeepsPublishingUntilClosed() throws Exception {
    Path file = write(ARABIC);
    RecordingProducer producer = new RecordingProducer();
    CollectorRunner runner =
        runner(file, producer, new InMemoryCheckpointStore())
            .followEvery(Duration.ofMillis(10))
            .build();
    runner.start();
    await().atMost(WAIT).until(() -> runner.postsPublished() == 1);

    Files.writeString(file, RUSSIAN + "\n", UTF_8, StandardOpenOption.APPEND);
    await().atMost(WAIT).until(() -> runner.postsPublished() == 2);
    runner.close();

    assertThat(runner.awaitTermination(Duration.ZERO)).isTrue();
    assertThat(producer.committedPosts())
        .extracting(Post::key)
        .containsExactly("telegram:safar_europa:1", "vk:evropa_bez_viz:4");
    assertThat(producer.closed()).isTrue();
    assertThat(producer.transactionInFlight()).isFalse();
  }

  @Test
  void aSourceThatCannotBeReadIsRetriedAfterABackoff() throws Exception {
    Path file = write(FRENCH);
    Source flaky = new FlakySource(JsonlSource.of(file, SOURCE_ID, CLOCK), 2);
    RecordingProducer producer = new RecordingProducer();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    CollectorRunner runner =
        CollectorRunner.builder(flaky)
            .producerFactory(() -> producer)
            .checkpointStore(new InMemoryCheckpointStore())
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .meterRegistry(registry)
            .clock(CLOCK)
            .build();
    runner.start();

    assertThat(runner.awaitTermination(WAIT)).isTrue();
    assertThat(producer.committedPosts())
        .extracting(Post::key)
        .containsExactly("facebook:passage-calais:3");
    assertThat(count(registry, "crossingwatch.collector.errors", "stage", "source-read"))
        .isEqualTo(2);
  }

  @Test
  void theBootstrapAddressIsAskedAgainForEveryNewProducer() throws Exception {
    Path file = write(FRENCH);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    AtomicInteger asked = new AtomicInteger();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    try (CollectorRunner runner =
        CollectorRunner.builder(JsonlSource.of(file, SOURCE_ID, CLOCK))
            .kafka(
                () -> {
                  asked.incrementAndGet();
                  return "127.0.0.1:" + closedPort;
                })
            .kafkaTimeout(Duration.ofSeconds(1))
            .checkpointStore(new InMemoryCheckpointStore())
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .meterRegistry(registry)
            .build()) {
      runner.start();

      // Nobody listens there: each producer times out in initTransactions and is replaced.
      await().atMost(WAIT).until(() -> asked.get() >= 2);
      assertThat(runner.failure()).isEmpty();
    }
    assertThat(count(registry, "crossingwatch.collector.errors", "stage", "publish"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aCheckpointStoreThatCannotBeReadIsRetriedBeforeAnythingIsPublished() throws Exception {
    Path file = write(FRENCH);
    AtomicInteger loads = new AtomicInteger();
    CheckpointStore unreachableOnce =
        sourceId -> {
          if (loads.getAndIncrement() == 0) {
            throw new TimeoutException("Timeout expired while fetching topic metadata");
          }
          return Optional.empty();
        };
    RecordingProducer producer = new RecordingProducer();

    CollectorRunner runner = runner(file, producer, unreachableOnce).build();
    runner.start();

    assertThat(runner.awaitTermination(WAIT)).isTrue();
    assertThat(loads).hasValue(2);
    assertThat(producer.committedPosts())
        .extracting(Post::key)
        .containsExactly("facebook:passage-calais:3");
  }

  @Test
  void closeIsIdempotentReleasesAnUnstartedRunnerAndForbidsStartingAgain() throws Exception {
    FlakySource source = new FlakySource(JsonlSource.of(write(ARABIC), SOURCE_ID, CLOCK), 0);
    CollectorRunner runner =
        CollectorRunner.builder(source)
            .producerFactory(RecordingProducer::new)
            .checkpointStore(new InMemoryCheckpointStore())
            .build();

    runner.close();
    runner.close();

    assertThat(source.closed).hasValue(1);
    assertThat(runner.awaitTermination(Duration.ZERO)).isTrue();
    assertThatThrownBy(runner::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CollectorRunner for 'jsonl:posts.jsonl' is closed");
  }

  @Test
  void aRunnerWithoutAProducerIsRefusedWithTheWayToGiveOne() {
    CollectorRunner.Builder builder =
        CollectorRunner.builder(JsonlSource.of(dir.resolve("posts.jsonl")))
            .checkpointStore(new InMemoryCheckpointStore());

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "CollectorRunner for 'jsonl:posts.jsonl' needs a producer: call"
                + " kafka(bootstrapServers) or producerFactory(...)");
  }

  private CollectorRunner.Builder runner(
      Path file, RecordingProducer producer, CheckpointStore store) {
    return CollectorRunner.builder(JsonlSource.of(file, SOURCE_ID, CLOCK))
        .producerFactory(() -> producer)
        .checkpointStore(store)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
        .clock(CLOCK);
  }

  private Path write(String... lines) throws IOException {
    return Files.writeString(dir.resolve("posts.jsonl"), String.join("\n", lines) + "\n", UTF_8);
  }

  private static List<Post> postsIn(Path file) throws IOException {
    return JsonlSource.of(file, SOURCE_ID, CLOCK).poll(Optional.empty(), 100).posts();
  }

  private static String endOf(Path file, int nextLine) throws IOException {
    return "byte=" + Files.size(file) + ",line=" + nextLine;
  }

  private static double count(SimpleMeterRegistry registry, String name, String tag, String value) {
    var search = registry.find(name).tag("source", SOURCE_ID);
    if (tag != null) {
      search = search.tag(tag, value);
    }
    return search.counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** Delegates to a source after failing its first polls with an I/O error; counts closes. */
  private static final class FlakySource implements Source {
    private final Source delegate;
    private final AtomicInteger failuresLeft;
    final AtomicInteger closed = new AtomicInteger();

    FlakySource(Source delegate, int failures) {
      this.delegate = delegate;
      this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public Batch poll(Optional<String> checkpoint, int maxPosts) throws IOException {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IOException("Stale file handle");
      }
      return delegate.poll(checkpoint, maxPosts);
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}

package org.crossingwatch.collectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.crossingwatch.collectors.internal.Backoff;
import org.crossingwatch.collectors.internal.CollectorMetrics;
import org.crossingwatch.collectors.internal.KafkaClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll, publish, retry loop behind a {@link CollectorRunner}, run by the runner's thread; see
 * the runner for the guarantees. Only {@link #stop()} and the getters may be called from other
 * threads.
 */
final class CollectorLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectorRunner.class);

  private final Source source;
  private final String sourceId;
  private final TransactionalPublisher publisher;
  private final CheckpointStore checkpoints;
  private final int batchSize;
  private final Optional<Duration> followInterval;
  private final Backoff backoff;
  private final CollectorMetrics metrics;
  private final Clock clock;

  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile Optional<Checkpoint> lastCheckpoint = Optional.empty();
  private volatile Optional<Throwable> failure = Optional.empty();
  private volatile long publishedBeforeStart = -1;

  CollectorLoop(
      Source source,
      TransactionalPublisher publisher,
      CheckpointStore checkpoints,
      int batchSize,
      Optional<Duration> followInterval,
      Backoff backoff,
      CollectorMetrics metrics,
      Clock clock) {
    this.source = source;
    this.sourceId = source.id();
    this.publisher = publisher;
    this.checkpoints = checkpoints;
    this.batchSize = batchSize;
    this.followInterval = followInterval;
    this.backoff = backoff;
    this.metrics = metrics;
    this.clock = clock;
  }

  Optional<Checkpoint> lastCheckpoint() {
    return lastCheckpoint;
  }

  long postsPublished() {
    return lastCheckpoint.map(Checkpoint::postsPublished).orElse(0L);
  }

  long postsPublishedThisRun() {
    long before = publishedBeforeStart;
    return before < 0 ? 0 : postsPublished() - before;
  }

  Optional<Throwable> failure() {
    return failure;
  }

  /** Asks the loop to stop after its current step; wakes it from any wait. */
  void stop() {
    stopSignal.countDown();
  }

  boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private boolean stopping() {
    return stopSignal.getCount() == 0;
  }

  @Override
  public void run() {
    try {
      LOG.info("Collector {} starting", sourceId);
      // The producer first: registering the transactional id aborts a transaction a crashed
      // predecessor left open, which the checkpoint store would otherwise wait for.
      if (!openPublisher() || !resumeFromStore()) {
        return;
      }
      while (!stopping()) {
        Batch batch = pollSource();
        if (batch == null) {
          return;
        }
        Optional<String> position = lastCheckpoint.map(Checkpoint::position);
        if (batch.isEmpty() && position.equals(Optional.of(batch.checkpoint()))) {
          if (followInterval.isEmpty()) {
            LOG.info("Collector {} has published everything: {} posts", sourceId, postsPublished());
            return;
          }
          pause(followInterval.get());
          continue;
        }
        switch (publish(batch)) {
          case COMMITTED -> {
            if (batch.exhausted() && followInterval.isEmpty()) {
              LOG.info(
                  "Collector {} has published everything: {} posts", sourceId, postsPublished());
              return;
            }
            if (batch.exhausted()) {
              // Polling again at once would only find nothing new, at the cost of a fetch.
              pause(followInterval.get());
            }
          }
          case RESUME_FROM_STORE -> {
            if (!resumeFromStore()) {
              return;
            }
          }
          case STOPPED -> {
            return;
          }
        }
      }
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      releaseResources();
    }
  }

  private enum Outcome {
    COMMITTED,
    RESUME_FROM_STORE,
    STOPPED
  }

  private Outcome publish(Batch batch) {
    Checkpoint checkpoint =
        new Checkpoint(
            sourceId, batch.checkpoint(), clock.instant(), postsPublished() + batch.posts().size());
    while (true) {
      try {
        publisher.publish(batch.posts(), checkpoint);
        committed(batch, checkpoint);
        return Outcome.COMMITTED;
      } catch (KafkaException e) {
        if (TransactionalPublisher.isFatal(e)) {
          throw e;
        }
        metrics.error("publish");
        boolean aborted = publisher.abort();
        if (stopping()) {
          return Outcome.STOPPED;
        }
        Duration wait = backoff.next();
        LOG.warn(
            "Collector {} could not publish {} posts up to '{}', {} in {} ms: {}",
            sourceId,
            batch.posts().size(),
            batch.checkpoint(),
            aborted
                ? "aborted the transaction, retrying the batch"
                : "replacing the producer and resuming from the stored checkpoint",
            wait.toMillis(),
            e.toString());
        pause(wait);
        if (!aborted) {
          return openPublisher() ? Outcome.RESUME_FROM_STORE : Outcome.STOPPED;
        }
        if (stopping()) {
          return Outcome.STOPPED;
        }
      }
    }
  }

  private void committed(Batch batch, Checkpoint checkpoint) {
    backoff.reset();
    lastCheckpoint = Optional.of(checkpoint);
    metrics.published(batch.posts().size());
    for (Problem problem : batch.problems()) {
      LOG.warn("Collector {} skipped {}", sourceId, problem);
      metrics.skipped(problem.reason());
    }
    LOG.debug(
        "Collector {} committed {} posts up to '{}'",
        sourceId,
        batch.posts().size(),
        checkpoint.position());
  }

  /** Reads the position to resume from; false when stopped while retrying. */
  private boolean resumeFromStore() {
    while (!stopping()) {
      try {
        Optional<Checkpoint> stored = checkpoints.load(sourceId);
        lastCheckpoint = stored;
        if (publishedBeforeStart < 0) {
          publishedBeforeStart = postsPublished();
        }
        LOG.info(
            "Collector {} resumes {}",
            sourceId,
            stored.map(c -> "after '" + c.position() + "'").orElse("from the beginning"));
        return true;
      } catch (KafkaException e) {
        retryLater("checkpoint-load", "could not read its checkpoint", e);
      }
    }
    return false;
  }

  /** Opens a fresh producer; false when stopped while retrying. */
  private boolean openPublisher() {
    while (!stopping()) {
      try {
        publisher.open();
        return true;
      } catch (KafkaException e) {
        if (TransactionalPublisher.isFatal(e)) {
          throw e;
        }
        retryLater("publish", "could not start its producer", e);
      }
    }
    return false;
  }

  /** Polls the source; null when stopped while retrying. */
  private Batch pollSource() {
    while (!stopping()) {
      try {
        return source.poll(lastCheckpoint.map(Checkpoint::position), batchSize);
      } catch (IOException | UncheckedIOException e) {
        retryLater("source-read", "could not read its source", e);
      }
    }
    return null;
  }

  private void retryLater(String stage, String what, Exception e) {
    metrics.error(stage);
    Duration wait = backoff.next();
    LOG.warn(
        "Collector {} {}, retrying in {} ms: {}", sourceId, what, wait.toMillis(), e.toString());
    pause(wait);
  }

  private void fail(RuntimeException e) {
    failure = Optional.of(e);
    metrics.error("fatal");
    if (TransactionalPublisher.isFatal(e)) {
      LOG.error(
          "Collector {} stopped: its producer (transactional.id '{}') was fenced or refused by the"
              + " cluster, most likely because another collector for the same source took over",
          sourceId,
          KafkaClientConfigs.transactionalId(sourceId),
          e);
    } else {
      LOG.error("Collector {} stopped: {}", sourceId, e.toString(), e);
    }
  }

  private void pause(Duration duration) {
    try {
      stopSignal.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopSignal.countDown();
    }
  }

  // The single shutdown path, run by the runner's thread when it ends, or by close() if it never
  // started.
  void releaseResources() {
    try {
      closeQuietly("producer", publisher::close);
      closeQuietly("checkpoint store", checkpoints::close);
      closeQuietly("source", source::close);
    } finally {
      LOG.info("Collector {} stopped", sourceId);
      terminated.countDown();
    }
  }

  private interface Closer {
    void close() throws Exception;
  }

  private void closeQuietly(String what, Closer closer) {
    try {
      closer.close();
    } catch (Exception e) {
      LOG.warn("Collector {} could not close its {}: {}", sourceId, what, e.toString());
    }
  }
}

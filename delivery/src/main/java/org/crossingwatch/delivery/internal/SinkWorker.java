package org.crossingwatch.delivery.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crossingwatch.delivery.DeliveryException;
import org.crossingwatch.delivery.Notification;
import org.crossingwatch.delivery.RetryPolicy;
import org.crossingwatch.delivery.Sink;
import org.crossingwatch.delivery.SinkConfig;
import org.crossingwatch.delivery.limits.QuietHours;
import org.crossingwatch.delivery.limits.RateLimiter;
import org.crossingwatch.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue and thread of one sink: sends each job in order, retries with backoff, parks after the
 * retry budget, and holds jobs for a digest while the rate limit is used up or quiet hours last. A
 * slow or dead sink stalls only its own worker. A job's completion runs once its sink accepted or
 * parked it; a job held for a digest completes when the digest goes out, so its offset is not
 * committed before.
 */
public final class SinkWorker implements AutoCloseable {
  /** How often the worker looks at the clock to flush a due digest when no job arrives. */
  static final Duration TICK = Duration.ofMillis(50);

  private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);

  /**
   * One alert for this sink.
   *
   * @param alert the alert
   * @param kind {@link Notification.Kind#NEW} or {@link Notification.Kind#REPOST}
   * @param done runs once the sink accepted or parked the alert
   */
  public record Job(Alert alert, Notification.Kind kind, Runnable done) {
    public Job {
      requireNonNull(alert, "alert");
      requireNonNull(kind, "kind");
      requireNonNull(done, "done");
    }
  }

  private final String name;
  private final Sink sink;
  private final RetryPolicy retry;
  private final URI consoleBaseUrl;
  private final Clock clock;
  private final Outcomes outcomes;
  private final Optional<RateLimiter> limiter;
  private final Optional<QuietHours> quietHours;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final List<Job> held = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean busy;
  private String heldReason = "";

  /** A worker for {@code config}'s sink; call {@link #start()} to run it. */
  public SinkWorker(
      SinkConfig config,
      Sink sink,
      RetryPolicy retry,
      URI consoleBaseUrl,
      Clock clock,
      Outcomes outcomes) {
    this.name = config.name();
    this.sink = requireNonNull(sink, "sink");
    this.retry = requireNonNull(retry, "retry");
    this.consoleBaseUrl = requireNonNull(consoleBaseUrl, "consoleBaseUrl");
    this.clock = requireNonNull(clock, "clock");
    this.outcomes = requireNonNull(outcomes, "outcomes");
    outcomes.register(name);
    this.limiter = config.rateLimit().map(RateLimiter::new);
    this.quietHours = config.quietHours();
    this.thread = new Thread(this::run, "delivery-sink-" + name);
    thread.setDaemon(true);
  }

  /** Starts the worker's thread. */
  public SinkWorker start() {
    thread.start();
    return this;
  }

  /** Queues {@code job}; never blocks. */
  public void submit(Job job) {
    queue.add(requireNonNull(job, "job"));
  }

  /** Whether nothing is queued or being sent (held jobs may remain). */
  public boolean idle() {
    return queue.isEmpty() && !busy;
  }

  /** The sink's name. */
  public String name() {
    return name;
  }

  /**
   * Stops the thread, interrupting a send in progress. Queued and held jobs are left incomplete, so
   * their offsets are not committed and they are delivered after a restart.
   */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.close();
  }

  private void run() {
    while (running) {
      Job job;
      try {
        job = queue.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      busy = true;
      try {
        Instant now = clock.instant();
        flushDigestIfDue(now);
        if (job != null) {
          handle(job, now);
        }
      } catch (RuntimeException e) {
        // Parking failed (broker unreachable): the jobs stay incomplete and are retried after a
        // restart; the worker goes on with the next ones.
        LOG.error("Sink '{}' could not record an outcome", name, e);
      } finally {
        busy = false;
      }
    }
  }

  private void handle(Job job, Instant now) {
    if (quietHours.isPresent() && quietHours.get().contains(now)) {
      hold(job, "quiet hours");
      return;
    }
    if (!held.isEmpty()) {
      // Once overflowing, later alerts join the digest so that it keeps arrival order.
      if (heldReason.equals("rate limit")) {
        outcomes.rateLimited(name);
      }
      hold(job, heldReason);
      return;
    }
    if (limiter.isPresent() && !limiter.get().tryAcquire(now)) {
      outcomes.rateLimited(name);
      hold(job, "rate limit");
      return;
    }
    Alert alert = job.alert();
    String deliveryId = alert.alertId() + ":" + alert.repostCount() + ":" + name;
    deliver(
        new Notification(job.kind(), deliveryId, List.of(alert), consoleBaseUrl, Optional.empty()),
        List.of(job));
  }

  private void hold(Job job, String reason) {
    if (held.isEmpty()) {
      heldReason = reason;
    }
    held.add(job);
  }

  private void flushDigestIfDue(Instant now) {
    if (held.isEmpty() || (quietHours.isPresent() && quietHours.get().contains(now))) {
      return;
    }
    if (limiter.isPresent() && !limiter.get().tryAcquire(now)) {
      return;
    }
    List<Job> jobs = List.copyOf(held);
    held.clear();
    List<Alert> alerts = jobs.stream().map(Job::alert).toList();
    deliver(
        new Notification(
            Notification.Kind.DIGEST,
            digestId(alerts),
            alerts,
            consoleBaseUrl,
            Optional.of(heldReason)),
        jobs);
  }

  private void deliver(Notification notification, List<Job> jobs) {
    for (int attempt = 1; running; attempt++) {
      try {
        sink.send(notification);
        outcomes.sent(name, notification);
        jobs.forEach(j -> j.done().run());
        return;
      } catch (DeliveryException e) {
        if (!running) {
          return;
        }
        if (!e.retryable() || attempt >= retry.attempts()) {
          outcomes.parked(name, notification, e, attempt);
          jobs.forEach(j -> j.done().run());
          return;
        }
        outcomes.retried(name, e, attempt);
        try {
          Thread.sleep(retry.backoffAfter(attempt).toMillis());
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  // Stable for the same digest content, so a retried digest keeps its id.
  private String digestId(List<Alert> alerts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Alert alert : alerts) {
        sha.update((alert.alertId() + ":" + alert.repostCount() + "\n").getBytes(UTF_8));
      }
      return "digest:" + HexFormat.of().formatHex(sha.digest(), 0, 8) + ":" + name;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

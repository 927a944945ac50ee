package org.crossingwatch.collectors;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.crossingwatch.model.JsonSerde;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.Topics;

/**
 * One transactional producer and the one thing done with it: posts plus their checkpoint in one
 * transaction. Used by the runner's thread only.
 */
final class TransactionalPublisher implements AutoCloseable {
  private static final JsonSerde<Post> POSTS = JsonSerde.of(Post.class);
  private static final JsonSerde<Checkpoint> CHECKPOINTS = JsonSerde.of(Checkpoint.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<? extends Producer<String, byte[]>> producers;
  private Producer<String, byte[]> producer;

  TransactionalPublisher(Supplier<? extends Producer<String, byte[]>> producers) {
    this.producers = producers;
  }

  /**
   * Creates the producer and registers its transactional id, which fences any earlier producer with
   * the same id and aborts the transaction it left open.
   */
  void open() {
    discard();
    producer = Objects.requireNonNull(producers.get(), "producer factory returned null");
    producer.initTransactions();
  }

  /**
   * Sends the posts to {@code cw.posts.raw} and the checkpoint to {@code cw.collector.state} in one
   * transaction and commits it.
   *
   * @throws KafkaException when anything failed; the transaction is then still open and must be
   *     {@linkplain #abort() aborted}
   */
  void publish(List<Post> posts, Checkpoint checkpoint) {
    producer.beginTransaction();
    // The real producer reports a failed send through its callback; flush() then returns without
    // throwing, so the first failure is kept to refuse the commit.
    AtomicReference<Exception> failure = new AtomicReference<>();
    Callback onFailure =
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        };
    for (Post post : posts) {
      producer.send(
          new ProducerRecord<>(
              Topics.POSTS_RAW, post.key(), POSTS.serialize(Topics.POSTS_RAW, post)),
          onFailure);
    }
    producer.send(
        new ProducerRecord<>(
            Topics.COLLECTOR_STATE,
            checkpoint.sourceId(),
            CHECKPOINTS.serialize(Topics.COLLECTOR_STATE, checkpoint)),
        onFailure);
    producer.flush();
    if (failure.get() != null) {
      throw new KafkaException(
          "A send for checkpoint '" + checkpoint.position() + "' failed", failure.get());
    }
    producer.commitTransaction();
  }

  /**
   * Aborts the open transaction.
   *
   * @return true when aborted; false when the producer could not abort (for example after a commit
   *     timed out) and was closed instead: then whether the batch was committed is unknown, {@link
   *     #open()} must be called again and the position re-read from the checkpoint store
   * @throws KafkaException when the failure is {@linkplain #isFatal fatal}
   */
  boolean abort() {
    try {
      producer.abortTransaction();
      return true;
    } catch (RuntimeException e) {
      if (isFatal(e)) {
        throw e;
      }
      discard();
      return false;
    }
  }

  /**
   * True for errors after which this producer must not go on: another instance with the same
   * transactional id took over, the broker lost the producer's sequence, or it is not allowed.
   */
  static boolean isFatal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProducerFencedException
          || t instanceof OutOfOrderSequenceException
          || t instanceof AuthorizationException
          || t instanceof AuthenticationException
          || t instanceof UnsupportedVersionException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Closes a producer that is being replaced at once: its transaction, if any, is aborted by the
   * next producer's {@link #open()}, and waiting for a cluster it cannot reach would only delay the
   * replacement.
   */
  private void discard() {
    if (producer != null) {
      Producer<String, byte[]> closing = producer;
      producer = null;
      closing.close(Duration.ZERO);
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      Producer<String, byte[]> closing = producer;
      producer = null;
      closing.close(CLOSE_TIMEOUT);
    }
  }
}

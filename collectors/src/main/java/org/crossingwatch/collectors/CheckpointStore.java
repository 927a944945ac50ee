package org.crossingwatch.collectors;

import java.io.Closeable;
import java.util.Optional;

/**
 * Where a {@link CollectorRunner} finds the checkpoint to resume from. Writing is not part of this
 * interface: the runner writes checkpoints to {@code cw.collector.state} inside its producer
 * transaction, which is what ties them to the posts they cover.
 */
public interface CheckpointStore extends Closeable {
  /**
   * The latest committed checkpoint for {@code sourceId}.
   *
   * @return the checkpoint, or empty when the source has never been published (or was reset)
   * @throws org.apache.kafka.common.KafkaException when the store cannot be read right now (the
   *     runner retries); any other exception stops the runner
   */
  Optional<Checkpoint> load(String sourceId);

  /** Releases what the store holds. The default holds nothing. */
  @Override
  default void close() {}
}

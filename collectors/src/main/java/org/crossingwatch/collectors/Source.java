package org.crossingwatch.collectors;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Where posts come from: a file, a channel, a feed. A source reads forward from an opaque
 * checkpoint that it produced itself; it keeps no progress of its own, so the same checkpoint
 * always yields the same posts (as long as the underlying data is unchanged) and a runner can retry
 * a batch or resume after a restart simply by passing the checkpoint back.
 *
 * <p>Sources are used from one thread at a time (the runner's); they need not be thread-safe.
 */
public interface Source extends Closeable {
  /**
   * The stable id of this source, used as the checkpoint key on {@code cw.collector.state} and in
   * the producer's transactional id, for example {@code jsonl:posts.jsonl}. Two sources that run at
   * the same time must have different ids.
   */
  String id();

  /**
   * Reads the next posts after {@code checkpoint}.
   *
   * @param checkpoint a checkpoint from an earlier {@link Batch#checkpoint()} of this source, or
   *     empty to start from the beginning
   * @param maxPosts the most posts (and reported problems, so a run of bad items also advances in
   *     bounded steps) to return, at least 1
   * @return the posts, the problems met on the way, the checkpoint after them, and whether the
   *     source had nothing more to give right now; an empty batch with an unchanged checkpoint
   *     means "nothing new"
   * @throws IOException when the source cannot be read right now; the runner retries after a
   *     backoff. Any other exception means a bug or a misconfiguration and stops the runner.
   */
  Batch poll(Optional<String> checkpoint, int maxPosts) throws IOException;

  /** Releases what the source holds (connections, files). The default holds nothing. */
  @Override
  default void close() throws IOException {}
}

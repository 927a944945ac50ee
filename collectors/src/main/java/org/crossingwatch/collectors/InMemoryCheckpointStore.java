package org.crossingwatch.collectors;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CheckpointStore} held in memory, for tests and dry runs: seed it with {@link #put} (for
 * example with the checkpoint a previous run wrote to a mock producer). Thread-safe.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {
  private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

  /** Stores {@code checkpoint} as the latest for its source, replacing any earlier one. */
  public InMemoryCheckpointStore put(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    checkpoints.put(checkpoint.sourceId(), checkpoint);
    return this;
  }

  @Override
  public Optional<Checkpoint> load(String sourceId) {
    Objects.requireNonNull(sourceId, "sourceId");
    return Optional.ofNullable(checkpoints.get(sourceId));
  }
}

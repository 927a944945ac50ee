/**
 * Collectors bring public posts into {@code cw.posts.raw}. The front door:
 *
 * <ul>
 *   <li>{@link org.crossingwatch.collectors.Source}: where posts come from, read in batches after
 *       an opaque checkpoint ({@link org.crossingwatch.collectors.jsonl.JsonlSource} replays a
 *       JSONL file; Telegram, Mastodon, RSS and HTML sources implement the same interface);
 *   <li>{@link org.crossingwatch.collectors.CollectorRunner}: publishes a source's batches and its
 *       {@link org.crossingwatch.collectors.Checkpoint} in one Kafka transaction, so a restart
 *       neither repeats nor skips posts;
 *   <li>{@link org.crossingwatch.collectors.CheckpointStore}: where a runner finds the checkpoint
 *       to resume from ({@link org.crossingwatch.collectors.KafkaCheckpointStore} in production,
 *       {@link org.crossingwatch.collectors.InMemoryCheckpointStore} in tests).
 * </ul>
 */
package org.crossingwatch.collectors;

package org.crossingwatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.JsonSerde;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.crossingwatch.stream.classify.PostScorer;
import org.crossingwatch.stream.deadletter.DeadLetterWriter;
import org.crossingwatch.stream.deadletter.Outcome;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.crossingwatch.stream.parse.ParsedPost;
import org.crossingwatch.stream.parse.PostParser;

/**
 * The CrossingWatch stream topology, first version:
 *
 * <pre>
 * cw.posts.raw → parse ─┬─ bad bytes, bad JSON, missing field, too big ─────────→ cw.dlq
 *                       └→ classify ─┬─ classifier failed ────────────────────────→ cw.dlq
 *                                    └→ cw.posts.scored (every post)
 *                                       └→ alert == true → re-key by alert id → cw.alerts
 * </pre>
 *
 * <p>Keys: {@code cw.posts.raw} and {@code cw.posts.scored} are keyed by post key, {@code
 * cw.alerts} by {@link Alert#idFor(String)} of the post key, {@code cw.dlq} by the original key.
 * Dead letters carry the original value bytes and the {@link
 * org.crossingwatch.model.DeadLetterHeaders}. No step throws for a bad post, so one post can never
 * stop the stream; the exception handlers configured by {@link Pipeline#streamsConfig} catch
 * whatever still fails.
 *
 * <p>The topology is stateless and creates no internal topics.
 */
public final class PipelineTopology {
  private static final Serde<String> KEYS = Serdes.String();
  private static final Serde<byte[]> BYTES = Serdes.ByteArray();
  private static final Serde<ScoredPost> SCORED_POSTS = JsonSerde.of(ScoredPost.class);
  private static final Serde<Alert> ALERTS = JsonSerde.of(Alert.class);

  private PipelineTopology() {}

  /**
   * As {@link #build(StreamsBuilder, Supplier, PipelineSettings, MeterRegistry)}, counting on
   * {@link Metrics#globalRegistry}.
   */
  public static Topology build(
      StreamsBuilder builder, Supplier<PostClassifier> classifier, PipelineSettings settings) {
    return build(builder, classifier, settings, Metrics.globalRegistry);
  }

  /**
   * Adds the pipeline to {@code builder} and builds it.
   *
   * @param builder a fresh builder
   * @param classifier asked once per post for the classifier to score it with; return the current
   *     one from an {@code AtomicReference} to swap rule sets without restarting. It must not
   *     return null (a null counts as a classifier failure for that post).
   * @param settings size limits
   * @param registry where the {@link PipelineMetrics} counters go
   * @return the topology, ready for {@code new KafkaStreams(...)} or {@code TopologyTestDriver}
   * @throws NullPointerException if an argument is null
   */
  public static Topology build(
      StreamsBuilder builder,
      Supplier<PostClassifier> classifier,
      PipelineSettings settings,
      MeterRegistry registry) {
    Objects.requireNonNull(builder, "builder must not be null");
    Objects.requireNonNull(classifier, "classifier must not be null");
    Objects.requireNonNull(settings, "settings must not be null");
    PipelineMetrics metrics = PipelineMetrics.on(registry);
    PostParser parser = new PostParser(settings.maxRecordBytes(), metrics);
    PostScorer scorer = new PostScorer(classifier, settings.maxTextChars(), metrics);

    KStream<String, byte[]> rawPosts =
        builder.stream(Topics.POSTS_RAW, Consumed.with(KEYS, BYTES).withName("read-raw-posts"));

    Map<String, KStream<String, Outcome<ParsedPost>>> parsed =
        rawPosts
            .mapValues(parser::parse, Named.as("parse-post"))
            .split(Named.as("parse-"))
            .branch((key, outcome) -> outcome.failed(), Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));

    Map<String, KStream<String, Outcome<ScoredPost>>> scored =
        parsed
            .get("parse-ok")
            .mapValues(Outcome::value, Named.as("take-parsed-post"))
            .mapValues(scorer::score, Named.as("classify-post"))
            .split(Named.as("classify-"))
            .branch((key, outcome) -> outcome.failed(), Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));

    KStream<String, ScoredPost> scoredPosts =
        scored.get("classify-ok").mapValues(Outcome::value, Named.as("take-scored-post"));
    scoredPosts.to(
        Topics.POSTS_SCORED, Produced.with(KEYS, SCORED_POSTS).withName("write-scored-posts"));

    scoredPosts
        .filter(
            (postKey, scoredPost) -> scoredPost.verdict().alert(), Named.as("keep-alerting-posts"))
        .mapValues(
            scoredPost -> Alert.firstSighting(scoredPost.post(), scoredPost.verdict()),
            Named.as("make-alert"))
        // Re-key from post key to alert id, the key of alert upserts. Nothing stateful follows, so
        // no repartition topic: the producer partitions cw.alerts by the alert id.
        .selectKey((postKey, alert) -> alert.alertId(), Named.as("key-by-alert-id"))
        .peek((alertId, alert) -> metrics.alertEmitted(), Named.as("count-alert"))
        .to(Topics.ALERTS, Produced.with(KEYS, ALERTS).withName("write-alerts"));

    parsed
        .get("parse-failed")
        .mapValues(Outcome::deadLetter, Named.as("take-parse-dead-letter"))
        .merge(
            scored
                .get("classify-failed")
                .mapValues(Outcome::deadLetter, Named.as("take-classify-dead-letter")),
            Named.as("merge-dead-letters"))
        .processValues(DeadLetterWriter.supplier(metrics), Named.as("add-dead-letter-headers"))
        .to(Topics.DLQ, Produced.with(KEYS, BYTES).withName("write-dead-letters"));

    return builder.build();
  }
}

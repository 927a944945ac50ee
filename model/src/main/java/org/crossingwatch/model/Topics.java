package org.crossingwatch.model;

import java.util.List;

/** Every Kafka topic CrossingWatch reads or writes. Nothing else spells a topic name. */
public final class Topics {
  /** Posts as collected; key {@code platform:channel:id}, value {@link Post}. */
  public static final String POSTS_RAW = "cw.posts.raw";

  /** Every post with its verdict; key post key, value {@link ScoredPost}. */
  public static final String POSTS_SCORED = "cw.posts.scored";

  /** Alert upserts; key alert id, value {@link Alert}. */
  public static final String ALERTS = "cw.alerts";

  /**
   * What each entity links, compacted; key entity ({@code phone:+218912345678}, {@code
   * handle:@name}, {@code wallet:address}, {@code domain:host}), value the pipeline's entity links
   * JSON: how many alerts and channels share it, and over what time span. The latest value per
   * entity is the whole story.
   */
  public static final String ENTITIES = "cw.entities";

  /** The live rule set, compacted; key rule id, value {@link Rule}, tombstone deletes. */
  public static final String RULES = "cw.rules";

  /** Triage decisions; key alert id, value {@link Decision}. */
  public static final String FEEDBACK = "cw.feedback";

  /** Audit trail; key user, value {@link AuditEvent}. */
  public static final String AUDIT = "cw.audit";

  /** Collector checkpoints, compacted; key source id. */
  public static final String COLLECTOR_STATE = "cw.collector.state";

  /** Records that could not be processed; key and value as received, the reason in headers. */
  public static final String DLQ = "cw.dlq";

  /** Alerts that could not be delivered to a sink after the retry budget; the reason in headers. */
  public static final String DELIVERY_FAILED = "cw.delivery.failed";

  /** Topics whose values are the latest state per key, so Kafka compacts them. */
  public static final List<String> COMPACTED = List.of(ENTITIES, RULES, COLLECTOR_STATE);

  /** Every topic, in the order data flows through them. */
  public static final List<String> ALL =
      List.of(
          POSTS_RAW,
          POSTS_SCORED,
          ALERTS,
          ENTITIES,
          RULES,
          FEEDBACK,
          AUDIT,
          COLLECTOR_STATE,
          DLQ,
          DELIVERY_FAILED);

  private Topics() {}
}

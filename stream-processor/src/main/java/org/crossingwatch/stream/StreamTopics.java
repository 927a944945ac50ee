package org.crossingwatch.stream;

/**
 * Topics the pipeline writes that are not (yet) in {@link org.crossingwatch.model.Topics}. They
 * belong there; until they move, this is the one place that spells them.
 */
public final class StreamTopics {
  /**
   * What each entity links; key entity ({@code phone:+218912345678}), value {@link
   * org.crossingwatch.stream.links.EntityLinks} JSON. Compacted: the latest value per entity is the
   * whole story.
   */
  public static final String ENTITIES = "cw.entities";

  private StreamTopics() {}
}

package org.crossingwatch.stream.links;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.crossingwatch.stream.cluster.Expiry;

/**
 * Keyed by entity: adds each sighting to the entity's {@link EntityLinks} and forwards the result
 * for every sighting: the links go to {@code cw.entities} when they changed, and the answer (does
 * any other alert carry the entity?) goes back to the sighting's alert. When an entity expires from
 * the store it forwards the entity with a null value, so {@code cw.entities}, a compacted topic,
 * forgets it too (a tombstone).
 */
public final class EntityLinker
    implements Processor<String, EntitySighting, String, LinkedSighting> {
  /** The entity store's name. */
  public static final String STORE = "entity-link-store";

  private final Duration retention;
  private ProcessorContext<String, LinkedSighting> context;
  private KeyValueStore<String, EntityState> entities;

  private EntityLinker(Duration retention) {
    this.retention = retention;
  }

  /** Linkers over the store {@value #STORE}. */
  public static ProcessorSupplier<String, EntitySighting, String, LinkedSighting> supplier(
      Duration retention) {
    return () -> new EntityLinker(retention);
  }

  @Override
  public void init(ProcessorContext<String, LinkedSighting> context) {
    this.context = context;
    this.entities = context.getStateStore(STORE);
    Expiry.schedule(
        context,
        entities,
        retention,
        EntityState::touchedAt,
        (entity, now) -> context.forward(new Record<String, LinkedSighting>(entity, null, now)));
  }

  @Override
  public void process(Record<String, EntitySighting> record) {
    EntitySighting sighting = record.value();
    EntityState state = entities.get(record.key());
    EntityLinks before = state == null ? null : state.links();
    EntityLinks after = add(record.key(), before, sighting);
    long touched = Math.max(state == null ? 0L : state.touchedAt(), record.timestamp());
    entities.put(record.key(), new EntityState(after, touched));
    context.forward(record.withValue(new LinkedSighting(sighting, after, !after.equals(before))));
  }

  /** {@code links} with one more sighting; a new entry when {@code links} is null. */
  static EntityLinks add(String entity, EntityLinks links, EntitySighting sighting) {
    if (links == null) {
      return new EntityLinks(
          entity,
          sighting.type(),
          1,
          1,
          sighting.seen(),
          sighting.seen(),
          List.of(sighting.alertId()),
          List.of(sighting.channel()));
    }
    List<String> alertIds = new ArrayList<>(links.alertIds());
    int alertCount = links.alertCount();
    if (!alertIds.contains(sighting.alertId())) {
      alertCount++;
      if (alertIds.size() < EntityLinks.MAX_LISTED) {
        alertIds.add(sighting.alertId());
      }
    }
    List<String> channels = new ArrayList<>(links.channels());
    int channelCount = links.channelCount();
    if (!channels.contains(sighting.channel())) {
      channelCount++;
      if (channels.size() < EntityLinks.MAX_LISTED) {
        channels.add(sighting.channel());
      }
    }
    return new EntityLinks(
        entity,
        links.type(),
        alertCount,
        channelCount,
        sighting.seen().isBefore(links.firstSeen()) ? sighting.seen() : links.firstSeen(),
        sighting.seen().isAfter(links.lastSeen()) ? sighting.seen() : links.lastSeen(),
        alertIds,
        channels);
  }
}

package org.crossingwatch.stream.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.EntityLink;
import org.crossingwatch.model.Json;
import org.crossingwatch.stream.cluster.Expiry;

/**
 * Keyed by alert id: holds each alert version until every entity it carries has answered, then
 * publishes it with the link summaries of the entities other alerts share ({@link Alert#links()},
 * ordered by entity key), as the {@link Alert} JSON of {@code cw.alerts}: the carried bytes as they
 * are when there are no links. The version itself comes in one of its answers ({@link
 * CarriedAlert}), or alone when it carries no entity, so a version with one entity is published
 * from its single answer. Versions are the alert's {@code repostCount}; a version that completes
 * after a newer one was published is dropped, so {@code cw.alerts} never goes back to an older
 * state of an alert. Answers only rewrite the small {@link PendingLinks} of store {@value #STORE};
 * an alert version whose other answers are still missing is written once to store {@value
 * #VERSION_STORE}.
 */
public final class LinkCollector implements Processor<String, LinkAnswer, String, byte[]> {
  /** The alert-link store's name. */
  public static final String STORE = "alert-link-store";

  /** The alert-version store's name. */
  public static final String VERSION_STORE = "alert-link-version-store";

  private final Duration retention;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, PendingLinks> pending;
  private KeyValueStore<String, WaitingAlert> versions;

  private LinkCollector(Duration retention) {
    this.retention = retention;
  }

  /** Collectors over the stores {@value #STORE} and {@value #VERSION_STORE}. */
  public static ProcessorSupplier<String, LinkAnswer, String, byte[]> supplier(Duration retention) {
    return () -> new LinkCollector(retention);
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.pending = context.getStateStore(STORE);
    this.versions = context.getStateStore(VERSION_STORE);
    Expiry.schedule(context, pending, retention, PendingLinks::touchedAt);
    Expiry.schedule(context, versions, retention, WaitingAlert::touchedAt);
  }

  @Override
  public void process(Record<String, LinkAnswer> record) {
    LinkAnswer answer = record.value();
    PendingLinks stored = pending.get(record.key());
    int published = stored == null ? 0 : stored.published();
    long touched = Math.max(stored == null ? 0L : stored.touchedAt(), record.timestamp());
    List<PendingLinks.Version> waiting =
        new ArrayList<>(stored == null ? List.of() : stored.waiting());
    PendingLinks.Version version = with(take(waiting, answer.alertVersion()), answer);
    if (version.alertVersion() <= published) {
      // Superseded: a newer version of the alert is out already.
    } else if (!version.complete()) {
      waiting.add(version);
      answer
          .alert()
          .ifPresent(
              alert ->
                  versions.put(
                      versionKey(record.key(), version.alertVersion()),
                      new WaitingAlert(alert.json(), record.timestamp())));
    } else {
      Optional<byte[]> alert =
          answer.alert().map(CarriedAlert::json).or(() -> takeWaiting(record.key(), version));
      if (alert.isPresent()) {
        published = version.alertVersion();
        context.forward(record.withValue(withLinks(alert.get(), version.links())));
        int newest = published;
        // Older versions still waiting can never be published now.
        waiting.removeIf(
            older -> {
              if (older.alertVersion() >= newest) {
                return false;
              }
              if (older.alertArrived()) {
                versions.delete(versionKey(record.key(), older.alertVersion()));
              }
              return true;
            });
      }
    }
    pending.put(record.key(), new PendingLinks(published, waiting, touched));
  }

  /**
   * The key of one alert version in the alert-version store: the alert id, {@code @} and the
   * version, for example {@code a-3f2a9c01@4}.
   */
  static String versionKey(String alertId, int alertVersion) {
    return alertId + "@" + alertVersion;
  }

  /**
   * The alert JSON to publish: the carried bytes as they are when no entity links, else read, given
   * the links ordered by entity key, and written again.
   */
  private static byte[] withLinks(byte[] alertJson, List<EntityLink> links) {
    if (links.isEmpty()) {
      return alertJson;
    }
    List<EntityLink> sorted = new ArrayList<>(links);
    sorted.sort(Comparator.comparing(EntityLink::entity));
    Alert alert = Json.read(alertJson, Alert.class).withLinks(sorted);
    try {
      return Json.mapper().writeValueAsBytes(alert);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The waiting alert of a version that just completed, taken out of the store. */
  private Optional<byte[]> takeWaiting(String alertId, PendingLinks.Version version) {
    String key = versionKey(alertId, version.alertVersion());
    WaitingAlert waiting = versions.get(key);
    if (waiting == null) {
      // Expired while waiting for its answers: nothing left to publish.
      return Optional.empty();
    }
    versions.delete(key);
    return Optional.of(waiting.alertJson());
  }

  private static PendingLinks.Version take(List<PendingLinks.Version> waiting, int alertVersion) {
    for (int i = 0; i < waiting.size(); i++) {
      if (waiting.get(i).alertVersion() == alertVersion) {
        return waiting.remove(i);
      }
    }
    return new PendingLinks.Version(alertVersion, false, 0, 0, List.of());
  }

  private static PendingLinks.Version with(PendingLinks.Version version, LinkAnswer answer) {
    List<EntityLink> links = new ArrayList<>(version.links());
    answer.link().ifPresent(links::add);
    if (answer.alert().isPresent()) {
      return new PendingLinks.Version(
          version.alertVersion(),
          true,
          answer.alert().get().otherAnswers(),
          version.answers(),
          links);
    }
    return new PendingLinks.Version(
        version.alertVersion(),
        version.alertArrived(),
        version.otherAnswers(),
        version.answers() + 1,
        links);
  }
}

package org.crossingwatch.stream.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.crossingwatch.model.EntityLink;
import org.crossingwatch.stream.internal.BinaryReader;
import org.crossingwatch.stream.internal.BinarySerde;
import org.crossingwatch.stream.internal.BinaryWriter;

/**
 * Binary serdes for the link steps' repartition records ({@code entity-links}, {@code alert-links})
 * and store values, as {@link org.crossingwatch.stream.cluster.ClusterSerdes} for the clustering
 * steps: they never leave the application, and the one large field, an alert version, travels as
 * the JSON bytes it is published with. Every value starts with the format byte {@value #FORMAT} (1
 * before an alert version rode on one of its entity sightings). Thread-safe.
 */
public final class LinkSerdes {
  /** The format byte every value starts with. */
  static final byte FORMAT = 2;

  private static final Serde<EntitySighting> SIGHTINGS =
      BinarySerde.of(
          "EntitySighting",
          FORMAT,
          (sighting, out) -> {
            out.putString(sighting.type())
                .putString(sighting.alertId())
                .putString(sighting.channel())
                .putInstant(sighting.seen())
                .putInt(sighting.alertVersion());
            writeAlert(sighting.alert(), out);
          },
          in ->
              new EntitySighting(
                  in.getString(),
                  in.getString(),
                  in.getString(),
                  in.getInstant(),
                  in.getInt(),
                  readAlert(in)));
  private static final Serde<EntityState> ENTITY_STATES =
      BinarySerde.of(
          "EntityState",
          FORMAT,
          (state, out) -> {
            EntityLinks links = state.links();
            out.putString(links.entity())
                .putString(links.type())
                .putInt(links.alertCount())
                .putInt(links.channelCount())
                .putInstant(links.firstSeen())
                .putInstant(links.lastSeen())
                .putStrings(links.alertIds())
                .putStrings(links.channels())
                .putLong(state.touchedAt());
          },
          in ->
              new EntityState(
                  new EntityLinks(
                      in.getString(),
                      in.getString(),
                      in.getInt(),
                      in.getInt(),
                      in.getInstant(),
                      in.getInstant(),
                      in.getStrings(),
                      in.getStrings()),
                  in.getLong()));
  private static final Serde<LinkAnswer> LINK_ANSWERS =
      BinarySerde.of(
          "LinkAnswer",
          FORMAT,
          (answer, out) -> {
            out.putInt(answer.alertVersion());
            writeAlert(answer.alert(), out);
            out.putBoolean(answer.link().isPresent());
            answer.link().ifPresent(link -> writeLink(link, out));
          },
          in ->
              new LinkAnswer(
                  in.getInt(),
                  readAlert(in),
                  in.getBoolean() ? Optional.of(readLink(in)) : Optional.empty()));
  private static final Serde<WaitingAlert> WAITING_ALERTS =
      BinarySerde.of(
          "WaitingAlert",
          FORMAT,
          (waiting, out) -> out.putBytes(waiting.alertJson()).putLong(waiting.touchedAt()),
          in -> new WaitingAlert(in.getBytes(), in.getLong()));
  private static final Serde<PendingLinks> PENDING_LINKS =
      BinarySerde.of(
          "PendingLinks",
          FORMAT,
          (pending, out) -> {
            out.putInt(pending.published()).putInt(pending.waiting().size());
            for (PendingLinks.Version version : pending.waiting()) {
              out.putInt(version.alertVersion())
                  .putBoolean(version.alertArrived())
                  .putInt(version.otherAnswers())
                  .putInt(version.answers())
                  .putInt(version.links().size());
              version.links().forEach(link -> writeLink(link, out));
            }
            out.putLong(pending.touchedAt());
          },
          in -> {
            int published = in.getInt();
            int count = in.getInt();
            List<PendingLinks.Version> waiting = new ArrayList<>();
            for (int i = 0; i < count; i++) {
              int alertVersion = in.getInt();
              boolean alertArrived = in.getBoolean();
              int otherAnswers = in.getInt();
              int answers = in.getInt();
              int linkCount = in.getInt();
              List<EntityLink> links = new ArrayList<>();
              for (int j = 0; j < linkCount; j++) {
                links.add(readLink(in));
              }
              waiting.add(
                  new PendingLinks.Version(
                      alertVersion, alertArrived, otherAnswers, answers, links));
            }
            return new PendingLinks(published, waiting, in.getLong());
          });

  private LinkSerdes() {}

  /** Sightings, keyed by entity, on {@code entity-links}. */
  public static Serde<EntitySighting> sightings() {
    return SIGHTINGS;
  }

  /** Values of the entity store. */
  public static Serde<EntityState> entityStates() {
    return ENTITY_STATES;
  }

  /** Entity answers, one carrying the alert version, keyed by alert id, on {@code alert-links}. */
  public static Serde<LinkAnswer> linkAnswers() {
    return LINK_ANSWERS;
  }

  /** Values of the alert-version store. */
  public static Serde<WaitingAlert> waitingAlerts() {
    return WAITING_ALERTS;
  }

  /** Values of the alert-link store. */
  public static Serde<PendingLinks> pendingLinks() {
    return PENDING_LINKS;
  }

  private static void writeAlert(Optional<CarriedAlert> alert, BinaryWriter out) {
    out.putBoolean(alert.isPresent());
    alert.ifPresent(carried -> out.putBytes(carried.json()).putInt(carried.otherAnswers()));
  }

  private static Optional<CarriedAlert> readAlert(BinaryReader in) {
    return in.getBoolean()
        ? Optional.of(new CarriedAlert(in.getBytes(), in.getInt()))
        : Optional.empty();
  }

  private static void writeLink(EntityLink link, BinaryWriter out) {
    out.putString(link.entity())
        .putString(link.kind())
        .putInt(link.alertCount())
        .putInt(link.channelCount())
        .putInstant(link.firstSeen())
        .putInstant(link.lastSeen());
  }

  private static EntityLink readLink(BinaryReader in) {
    return new EntityLink(
        in.getString(), in.getString(), in.getInt(), in.getInt(), in.getInstant(), in.getInstant());
  }
}

/**
 * Entity links: alerts re-keyed by each phone (E.164), handle, wallet and link domain they carry,
 * into the store {@code entity-link-store}, which knows which alerts and channels share an entity
 * and over what time span. Every change is published on {@code cw.entities} ({@link
 * org.crossingwatch.model.Topics#ENTITIES}) as {@link org.crossingwatch.stream.links.EntityLinks}.
 * Linked alerts stay separate alerts: an entity links, only the fingerprint merges.
 *
 * <p>Each alert version rides on the sighting of its first entity in entity key order ({@link
 * org.crossingwatch.stream.links.CarriedAlert}) and comes back, with every entity's answer, to
 * {@link org.crossingwatch.stream.links.LinkCollector}, which publishes it on {@code cw.alerts}
 * once all have answered and never after a newer version. Each step reads its store, updates it and
 * writes its records in one exactly-once transaction.
 *
 * <p>Support code for {@link org.crossingwatch.stream.PipelineTopology}: no compatibility promise.
 */
package org.crossingwatch.stream.links;

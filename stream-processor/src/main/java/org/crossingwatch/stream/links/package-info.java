/**
 * Entity links: alerts re-keyed by each phone (E.164), handle, wallet and link domain they carry,
 * into the store {@code entity-link-store}, which knows which alerts and channels share an entity
 * and over what time span. Every change is published on {@code cw.entities} ({@link
 * org.crossingwatch.model.Topics#ENTITIES}) as {@link org.crossingwatch.stream.links.EntityLinks}.
 * Linked alerts stay separate alerts: an entity links, only the fingerprint merges.
 *
 * <p>Support code for {@link org.crossingwatch.stream.PipelineTopology}: no compatibility promise.
 */
package org.crossingwatch.stream.links;

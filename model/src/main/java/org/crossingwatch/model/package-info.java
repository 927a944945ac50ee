/**
 * The records CrossingWatch passes between its parts ({@link org.crossingwatch.model.Post}, {@link
 * org.crossingwatch.model.Verdict}, {@link org.crossingwatch.model.Alert}, {@link
 * org.crossingwatch.model.Rule}, {@link org.crossingwatch.model.Decision}, {@link
 * org.crossingwatch.model.AuditEvent}), their JSON form ({@link org.crossingwatch.model.Json},
 * {@link org.crossingwatch.model.JsonSerde}) and the topic names ({@link
 * org.crossingwatch.model.Topics}). Every record is immutable, validates itself in its constructor
 * and carries a {@code schemaVersion}.
 */
package org.crossingwatch.model;

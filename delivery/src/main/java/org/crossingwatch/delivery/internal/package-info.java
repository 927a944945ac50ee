/**
 * Support code for alert delivery: the YAML tree with source locations, the consumer loop, per-sink
 * workers, offset tracking, message text and HTTP posting. No compatibility promise: other modules
 * use {@link org.crossingwatch.delivery.Delivery} and {@link
 * org.crossingwatch.delivery.DeliveryConfig} instead.
 */
package org.crossingwatch.delivery.internal;

/**
 * Alert delivery to the people on duty: {@link org.crossingwatch.delivery.Delivery} is the front
 * door, {@link org.crossingwatch.delivery.DeliveryConfig} reads the YAML configuration. Sinks
 * (webhook, e-mail, chat) are small adapters over one core that routes, rate-limits, retries and
 * parks.
 */
package org.crossingwatch.delivery;

/**
 * Support code for the collectors: Kafka client settings, retry backoff, metrics. No compatibility
 * promise: other modules use the front door in {@code org.crossingwatch.collectors} instead.
 */
package org.crossingwatch.collectors.internal;

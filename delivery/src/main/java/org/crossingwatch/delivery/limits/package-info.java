/**
 * What keeps officers from being flooded: {@link org.crossingwatch.delivery.limits.RepostGate}
 * (deliver an alert once, a repost update only when it crosses a threshold), {@link
 * org.crossingwatch.delivery.limits.RateLimiter} per sink and {@link
 * org.crossingwatch.delivery.limits.QuietHours}. Overflow is gathered into digests by the delivery
 * core.
 */
package org.crossingwatch.delivery.limits;

/**
 * Signed JSON webhooks: {@link org.crossingwatch.delivery.webhook.WebhookTarget} sends, {@link
 * org.crossingwatch.delivery.webhook.WebhookSignature} signs and lets receivers verify.
 */
package org.crossingwatch.delivery.webhook;

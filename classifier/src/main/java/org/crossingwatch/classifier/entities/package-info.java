/**
 * Entity extraction: phone numbers, prices, messenger handles and links, crypto wallets and places
 * on known routes. The front door is {@link org.crossingwatch.classifier.entities.EntityExtractor};
 * results are {@link org.crossingwatch.classifier.entities.Entity} values with offsets into the
 * original text. Everything else in this package is package-private machinery.
 */
package org.crossingwatch.classifier.entities;

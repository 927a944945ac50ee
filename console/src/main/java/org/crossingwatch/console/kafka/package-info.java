/**
 * The console's Kafka side: reading its topics from the beginning and writing decisions and audit
 * events. Used by {@link org.crossingwatch.console.Console}; other modules should need only the
 * front-door package.
 */
package org.crossingwatch.console.kafka;

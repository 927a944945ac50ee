/**
 * The console's Lucene search index over alerts: text, phones, handles, wallets, channels, dates.
 * Used by {@link org.crossingwatch.console.Console}; other modules should need only the front-door
 * package.
 */
package org.crossingwatch.console.search;

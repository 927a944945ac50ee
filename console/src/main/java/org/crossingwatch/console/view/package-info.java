/**
 * The console's in-memory view of alerts, triage decisions, sightings, entity links and audit
 * events, and the filters over it. Used by {@link org.crossingwatch.console.Console}; other modules
 * should need only the front-door package.
 */
package org.crossingwatch.console.view;

/**
 * Evidence export: ZIP packages with post, alert, triage history, audit, WARC capture, summary and
 * SHA-256 checksums. Used by {@link org.crossingwatch.console.Console}; other modules should need
 * only the front-door package.
 */
package org.crossingwatch.console.export;

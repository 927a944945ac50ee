/**
 * Evidence: raw HTTP captures kept as WARC files in a content-addressed folder ({@link
 * org.crossingwatch.collectors.evidence.WarcEvidenceStore}).
 */
package org.crossingwatch.collectors.evidence;

/**
 * Support code for the pipeline's own packages: the binary reading and writing behind the
 * clustering and link steps' serdes. No compatibility promise; not for use outside {@code
 * stream-processor}.
 */
package org.crossingwatch.stream.internal;

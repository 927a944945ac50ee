/**
 * The analysts' offline classifier tools: {@code crossingwatch score}, {@code evaluate} and {@code
 * train}.
 */
package org.crossingwatch.app.classify;

/**
 * The classify stage: a parsed post to its {@link org.crossingwatch.model.ScoredPost}, or a dead
 * letter when the classifier fails on it. Support code for {@link
 * org.crossingwatch.stream.PipelineTopology}: no compatibility promise.
 */
package org.crossingwatch.stream.classify;

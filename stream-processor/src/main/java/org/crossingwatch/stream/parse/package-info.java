/**
 * The parse stage: raw bytes to {@link org.crossingwatch.model.Post}, or a dead letter saying why
 * not. Support code for {@link org.crossingwatch.stream.PipelineTopology}: no compatibility
 * promise.
 */
package org.crossingwatch.stream.parse;

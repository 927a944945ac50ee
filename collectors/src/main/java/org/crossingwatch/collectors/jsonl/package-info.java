/** Replaying posts from JSONL files: {@link org.crossingwatch.collectors.jsonl.JsonlSource}. */
package org.crossingwatch.collectors.jsonl;

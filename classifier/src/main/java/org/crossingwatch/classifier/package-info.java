/**
 * Classification of posts as migrant-smuggling offers. The front door is {@link
 * org.crossingwatch.classifier.Classifier}: build it from rules ({@link
 * org.crossingwatch.classifier.rules.RulePackLoader} reads the YAML rule packs) and call {@code
 * classify(post)} from any thread. No Kafka in here: the same classifier serves the stream
 * topology, the command line and benchmarks.
 */
package org.crossingwatch.classifier;

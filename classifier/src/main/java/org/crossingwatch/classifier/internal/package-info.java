/**
 * The classifier's machinery: analysis, query parsing, rule matching with Lucene Monitor, scoring,
 * provisional language guessing. No compatibility promise: use {@link
 * org.crossingwatch.classifier.Classifier} and {@link
 * org.crossingwatch.classifier.rules.RulePackLoader} instead.
 */
package org.crossingwatch.classifier.internal;

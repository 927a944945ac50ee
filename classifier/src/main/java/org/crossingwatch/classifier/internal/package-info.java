/**
 * The classifier's machinery: analysis, query parsing and rule matching with Lucene Monitor. No
 * compatibility promise: use {@link org.crossingwatch.classifier.Classifier} and {@link
 * org.crossingwatch.classifier.rules.RulePackLoader} instead.
 */
package org.crossingwatch.classifier.internal;

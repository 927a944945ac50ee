/**
 * Per-language Lucene analysis of posts and rule queries. {@link
 * org.crossingwatch.classifier.analysis.PostFields} is the front door: it names the field each
 * language is indexed in, the language-neutral field, the folded fallback field and the language
 * filter field, and gives the one per-field analyzer that posts and rules share.
 */
package org.crossingwatch.classifier.analysis;

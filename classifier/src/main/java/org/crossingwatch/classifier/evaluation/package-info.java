/**
 * Measuring the classifier on labelled posts: {@link
 * org.crossingwatch.classifier.evaluation.LabelledCorpus} reads JSONL files of labelled posts,
 * {@link org.crossingwatch.classifier.evaluation.QualityReport} computes precision, recall and F1
 * overall, per language and per kind, and lists the mistakes.
 */
package org.crossingwatch.classifier.evaluation;

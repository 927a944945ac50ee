/**
 * Rule packs: the YAML format, its loader with line/column errors ({@link
 * org.crossingwatch.classifier.rules.RulePackLoader}) and the closed set of rule categories ({@link
 * org.crossingwatch.classifier.rules.Category}).
 */
package org.crossingwatch.classifier.rules;

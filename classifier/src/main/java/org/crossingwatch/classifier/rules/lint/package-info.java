/**
 * The analysts' checks on rule packs before they ship: {@link
 * org.crossingwatch.classifier.rules.lint.RuleLinter} (every loader problem plus terms the analysis
 * removes) and {@link org.crossingwatch.classifier.rules.lint.RuleTester} (each rule's examples,
 * with the analysed tokens of a failing example).
 */
package org.crossingwatch.classifier.rules.lint;

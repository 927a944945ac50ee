/**
 * Per-rule statistics for analysts: which rules raise alerts and how officers judged them. One pure
 * computation ({@link org.crossingwatch.console.rulestats.RuleStatistics}) serves {@code
 * crossingwatch rules stats}, the console's rules page and the {@code
 * crossingwatch_rule_decisions_total} metric ({@link
 * org.crossingwatch.console.rulestats.RuleDecisionMeters}).
 */
package org.crossingwatch.console.rulestats;

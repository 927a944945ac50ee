/**
 * Backtests of a candidate rule set: {@link org.crossingwatch.classifier.backtest.Backtest}
 * re-scores posts and compares the verdicts with the live (or baseline) ones and with the truth,
 * when known (officers' decisions or corpus labels), into a {@link
 * org.crossingwatch.classifier.backtest.BacktestReport}.
 */
package org.crossingwatch.classifier.backtest;

/**
 * The analysts' rule workflow on the command line: {@code crossingwatch rules lint | test | push |
 * backtest | stats}. Exit codes: 0 ok, 1 findings or failures, 2 usage error.
 */
package org.crossingwatch.app.rules;

/**
 * The processor role: {@link org.crossingwatch.app.process.ProcessCommand} ({@code crossingwatch
 * process}) and {@link org.crossingwatch.app.process.RulePublisher}, which makes {@code cw.rules}
 * hold a rule directory.
 */
package org.crossingwatch.app.process;

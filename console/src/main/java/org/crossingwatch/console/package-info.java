/**
 * The officers' web console and the operations endpoints. {@link org.crossingwatch.console.Console}
 * starts a complete console in one call; {@link org.crossingwatch.console.ConsoleServer} builds the
 * unstarted HTTP application (the full console, or only {@code /health}, {@code /ready} and {@code
 * /metrics} for roles without a console).
 */
package org.crossingwatch.console;

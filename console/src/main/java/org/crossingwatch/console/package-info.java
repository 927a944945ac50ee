/**
 * The officers' web console and the operations endpoints. {@link
 * org.crossingwatch.console.ConsoleServer} is the front door.
 */
package org.crossingwatch.console;

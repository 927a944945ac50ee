package org.crossingwatch.console;

import io.javalin.security.RouteRole;

/**
 * Marks the few routes that need no session. Every other route needs one, and the {@link
 * org.crossingwatch.console.auth.Role} it is declared with (officer when none is given).
 */
enum Access implements RouteRole {
  PUBLIC
}

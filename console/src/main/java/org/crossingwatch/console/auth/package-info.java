/**
 * Console users (YAML file, Argon2id hashes), sessions and login throttling. Used by {@link
 * org.crossingwatch.console.Console}; other modules should need only the front-door package.
 */
package org.crossingwatch.console.auth;

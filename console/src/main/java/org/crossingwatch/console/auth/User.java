package org.crossingwatch.console.auth;

import java.util.Objects;

/**
 * One console user as stored in the users file.
 *
 * @param name login name: 1..64 of letters, digits, {@code .}, {@code _}, {@code -}
 * @param role what the user may do
 * @param passwordHash Argon2id PHC string ({@link PasswordHasher})
 */
public record User(String name, Role role, String passwordHash) {
  public User {
    Objects.requireNonNull(role, "role");
    validName(name);
    if (!PasswordHasher.isWellFormed(passwordHash)) {
      throw new IllegalArgumentException("User '" + name + "' has no valid Argon2id password hash");
    }
  }

  /**
   * Checks a login name.
   *
   * @throws IllegalArgumentException quoting the bad name
   */
  public static String validName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "User name must be 1..64 of letters, digits, '.', '_' or '-', was '" + name + "'");
    }
    return name;
  }

  @Override
  public String toString() {
    // Never print the hash, not even in a log line.
    return "User[name=" + name + ", role=" + role.id() + "]";
  }
}

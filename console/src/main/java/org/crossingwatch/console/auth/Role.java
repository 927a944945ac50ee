package org.crossingwatch.console.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a console user may do. Each role includes the rights of the roles before it: an officer sees
 * the feed, triages and exports; an analyst also sees rules and statistics; an admin also manages
 * users and reads the audit trail.
 */
public enum Role implements RouteRole {
  OFFICER,
  ANALYST,
  ADMIN;

  /** True when this role has at least the rights of {@code required}. */
  public boolean includes(Role required) {
    return ordinal() >= required.ordinal();
  }

  /** The lower-case name used in files, on the command line and in JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code officer}, {@code analyst} or {@code admin}, in any case.
   *
   * @throws IllegalArgumentException naming the bad value and the allowed ones
   */
  public static Role parse(String value) {
    for (Role role : values()) {
      if (role.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "Role must be one of "
            + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "))
            + ", was '"
            + value
            + "'");
  }
}

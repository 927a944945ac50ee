package org.crossingwatch.console.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in browser.
 *
 * @param id the secret cookie value
 * @param user who logged in
 * @param role their role at login time
 * @param csrfToken the token every state-changing request must echo in {@code X-CSRF-Token}
 * @param expiresAt when the session ends unless used again
 */
public record Session(String id, String user, Role role, String csrfToken, Instant expiresAt) {
  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    // The id and token are secrets.
    return "Session[user=" + user + ", role=" + role.id() + "]";
  }
}

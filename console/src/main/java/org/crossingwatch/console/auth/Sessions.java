package org.crossingwatch.console.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory sessions with a sliding idle timeout. Session ids and CSRF tokens are 256-bit random
 * values; a restart logs everyone out, which is acceptable for a console. Thread-safe.
 */
public final class Sessions {
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration idleTimeout;

  public Sessions(Clock clock, Duration idleTimeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
  }

  /** Opens a session for a user who just proved who they are. */
  public Session open(User user) {
    Session session =
        new Session(token(), user.name(), user.role(), token(), clock.instant().plus(idleTimeout));
    byId.put(session.id(), session);
    return session;
  }

  /** The live session with this id, its expiry pushed forward; empty when unknown or expired. */
  public Optional<Session> touch(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = byId.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(session.expiresAt())) {
      byId.remove(id);
      return Optional.empty();
    }
    Session renewed =
        new Session(
            session.id(),
            session.user(),
            session.role(),
            session.csrfToken(),
            clock.instant().plus(idleTimeout));
    byId.put(id, renewed);
    return Optional.of(renewed);
  }

  /** Ends a session; unknown ids are ignored. */
  public void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** True when {@code presented} equals the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(Session session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

package org.crossingwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.console.auth.LoginThrottle;
import org.crossingwatch.console.auth.Session;
import org.crossingwatch.console.auth.Sessions;
import org.crossingwatch.console.auth.User;
import org.crossingwatch.console.auth.Users;

/** Login, logout and "who am I" (which also hands the page its CSRF token). */
final class AuthApi {
  private static final String EXAMPLE = "{\"username\": \"alice\", \"password\": \"...\"}";

  private final Users users;
  private final Sessions sessions;
  private final LoginThrottle perUser;
  private final LoginThrottle perAddress;
  private final WebSecurity security;
  private final Auditor auditor;

  AuthApi(
      Users users,
      Sessions sessions,
      LoginThrottle perUser,
      LoginThrottle perAddress,
      WebSecurity security,
      Auditor auditor) {
    this.users = users;
    this.sessions = sessions;
    this.perUser = perUser;
    this.perAddress = perAddress;
    this.security = security;
    this.auditor = auditor;
  }

  void login(Context ctx) {
    JsonNode body = Bodies.object(ctx, EXAMPLE);
    String name = Bodies.requiredText(body, "username", EXAMPLE).strip();
    String password = Bodies.requiredText(body, "password", EXAMPLE);
    Duration wait = max(perUser.retryAfter(name), perAddress.retryAfter(ctx.ip()));
    if (!wait.isZero()) {
      ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
      throw new ApiException(
          429, "Too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " s");
    }
    char[] secret = password.toCharArray();
    Optional<User> user;
    try {
      user = users.authenticate(name, secret);
    } finally {
      Arrays.fill(secret, '\0');
    }
    if (user.isEmpty()) {
      perUser.failed(name);
      perAddress.failed(ctx.ip());
      auditor.record(
          ctx,
          name.matches("[A-Za-z0-9._-]{1,64}") ? name : "unknown",
          "login.failed",
          "console",
          Map.of());
      throw new ApiException(401, "Wrong user name or password");
    }
    perUser.succeeded(name);
    auditor.record(ctx, name, "login", "console", Map.of());
    Session session = sessions.open(user.get());
    ctx.res().addHeader("Set-Cookie", security.sessionCookie(session));
    ctx.json(describe(session));
  }

  void logout(Context ctx) {
    Session session = WebSecurity.session(ctx);
    auditor.record(ctx, session.user(), "logout", "console", Map.of());
    sessions.close(session.id());
    ctx.res().addHeader("Set-Cookie", security.clearedCookie());
    ctx.status(204);
  }

  void me(Context ctx) {
    ctx.json(describe(WebSecurity.session(ctx)));
  }

  private static Map<String, Object> describe(Session session) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("user", session.user());
    json.put("role", session.role().id());
    json.put("csrfToken", session.csrfToken());
    return json;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

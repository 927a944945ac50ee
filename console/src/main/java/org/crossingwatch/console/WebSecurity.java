package org.crossingwatch.console;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.Session;
import org.crossingwatch.console.auth.Sessions;

/**
 * Response headers on every answer, and the checks before every matched route: a session unless the
 * route is public, the route's role, and CSRF protection on every state-changing request
 * (same-origin {@code Origin}, JSON bodies only, and the session's token in {@code X-CSRF-Token}).
 */
final class WebSecurity {
  static final String SESSION_COOKIE = "cw_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";
  private static final String SESSION_ATTRIBUTE = "cw.session";

  private final Sessions sessions;
  private final boolean secureCookies;

  WebSecurity(Sessions sessions, boolean secureCookies) {
    this.sessions = sessions;
    this.secureCookies = secureCookies;
  }

  /** Headers every response carries, including 404s and static files. */
  void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  /** Runs before every matched route. */
  void authorize(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    boolean changesState = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
    if (changesState) {
      checkSameOrigin(ctx);
    }
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    Optional<Session> session = sessions.touch(ctx.cookie(SESSION_COOKIE));
    if (session.isEmpty()) {
      if (ctx.method() == HandlerType.GET && !ctx.path().startsWith("/api/")) {
        String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
        return;
      }
      throw new ApiException(401, "Log in first");
    }
    Role required =
        roles.stream()
            .filter(Role.class::isInstance)
            .map(Role.class::cast)
            .min(Enum::compareTo)
            .orElse(Role.OFFICER);
    if (!session.get().role().includes(required)) {
      throw new ApiException(
          403,
          "Role '"
              + session.get().role().id()
              + "' may not do this; it needs '"
              + required.id()
              + "'");
    }
    if (changesState && !Sessions.csrfMatches(session.get(), ctx.header(CSRF_HEADER))) {
      throw new ApiException(403, "Missing or wrong CSRF token in " + CSRF_HEADER);
    }
    ctx.attribute(SESSION_ATTRIBUTE, session.get());
  }

  /** The session the request was authorised with; only for non-public routes. */
  static Session session(Context ctx) {
    Session session = ctx.attribute(SESSION_ATTRIBUTE);
    if (session == null) {
      throw new IllegalStateException("No session on " + ctx.path());
    }
    return session;
  }

  /** The {@code Set-Cookie} value that opens a session. */
  String sessionCookie(Session session) {
    return SESSION_COOKIE
        + "="
        + session.id()
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (secureCookies ? "; Secure" : "");
  }

  /** The {@code Set-Cookie} value that ends a session. */
  String clearedCookie() {
    return SESSION_COOKIE
        + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
        + (secureCookies ? "; Secure" : "");
  }

  private static void checkSameOrigin(Context ctx) {
    String fetchSite = ctx.header("Sec-Fetch-Site");
    if (fetchSite != null && fetchSite.toLowerCase(Locale.ROOT).equals("cross-site")) {
      throw new ApiException(403, "Cross-site request refused");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null")) {
      String host = ctx.header("Host");
      String originHost;
      try {
        originHost = URI.create(origin).getAuthority();
      } catch (IllegalArgumentException e) {
        originHost = null;
      }
      if (host == null || !host.equalsIgnoreCase(originHost)) {
        throw new ApiException(403, "Cross-origin request refused: Origin '" + origin + "'");
      }
    } else if (origin != null) {
      throw new ApiException(403, "Cross-origin request refused: Origin 'null'");
    }
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "Send the request body as application/json");
    }
  }
}

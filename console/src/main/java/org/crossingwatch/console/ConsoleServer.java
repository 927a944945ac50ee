package org.crossingwatch.console;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.sse;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crossingwatch.console.auth.LoginThrottle;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.Sessions;
import org.crossingwatch.console.export.EvidenceExporter;
import org.crossingwatch.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the console's HTTP application. {@code /health}, {@code /ready}, {@code /metrics}, the
 * login page and its assets are public; every other route needs a session and a role, and every
 * state-changing request passes the CSRF checks of {@link WebSecurity}. The returned {@link
 * Javalin} is not started; {@link Console#start} starts one for production.
 *
 * <p>Routes: {@code GET /} (the app), {@code GET /login}, {@code POST /api/login}, {@code POST
 * /api/logout}, {@code GET /api/session}, {@code GET /api/alerts}, {@code GET /api/alerts/{id}},
 * {@code GET /api/alerts/{id}/history}, {@code POST /api/alerts/{id}/decisions}, {@code GET
 * /api/events} (SSE), {@code GET /api/search}, {@code GET /api/export}, {@code GET /api/stats}
 * (analyst), {@code GET /rules}, {@code GET /api/rules/stats}, {@code GET /api/rules/{id}/alerts}
 * (analyst), {@code GET /api/audit}, {@code GET|POST /api/users} (admin).
 */
public final class ConsoleServer {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

  private ConsoleServer() {}

  /**
   * Creates an application with only the operations endpoints, for roles that have no console.
   *
   * @param registry the registry whose meters {@code /metrics} renders
   * @param checks the conditions {@code /ready} reports; empty means always ready
   */
  public static Javalin create(PrometheusMeterRegistry registry, List<ReadinessCheck> checks) {
    Objects.requireNonNull(registry, "registry");
    OpsEndpoints ops = new OpsEndpoints(registry, checks);
    return Javalin.create(
        config -> {
          config.showJavalinBanner = false;
          config.useVirtualThreads = false;
          config.router.apiBuilder(
              () -> {
                get("/health", ops::health);
                get("/ready", ops::ready);
                get("/metrics", ops::metrics);
              });
        });
  }

  /**
   * Creates the full console: operations endpoints, UI and API.
   *
   * @param settings cookie and session settings, the WARC folder for exports
   * @param registry the registry whose meters {@code /metrics} renders
   * @param checks the conditions {@code /ready} reports
   * @param services the users, view, index and event sink the API works on
   */
  public static Javalin create(
      ConsoleSettings settings,
      PrometheusMeterRegistry registry,
      List<ReadinessCheck> checks,
      ConsoleServices services) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(services, "services");
    OpsEndpoints ops = new OpsEndpoints(registry, checks);
    Sessions sessions = new Sessions(services.clock(), settings.sessionIdleTimeout());
    WebSecurity security = new WebSecurity(sessions, settings.secureCookies());
    Auditor auditor = new Auditor(services.sink(), services.clock());
    AuthApi auth =
        new AuthApi(
            services.users(),
            sessions,
            new LoginThrottle(services.clock(), 5, Duration.ofMinutes(5)),
            new LoginThrottle(services.clock(), 20, Duration.ofMinutes(5)),
            security,
            auditor);
    AlertsApi alerts =
        new AlertsApi(services.store(), services.sink(), auditor, services.clock(), registry);
    SearchApi search = new SearchApi(services.index(), services.store(), auditor);
    ExportApi export =
        new ExportApi(
            new EvidenceExporter(services.store(), settings.warcDir()), auditor, services.clock());
    AdminApi admin = new AdminApi(services.users(), services.store(), auditor);
    RulesApi rules = new RulesApi(services.store(), auditor, services.clock());
    LiveFeed live = new LiveFeed(services.store());
    WebPages pages = new WebPages();

    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.useVirtualThreads = false;
              config.jsonMapper(new JavalinJackson(Json.mapper(), false));
              config.router.mount(
                  router -> {
                    router.before(security::headers);
                    router.beforeMatched(security::authorize);
                  });
              config.router.apiBuilder(
                  () -> {
                    get("/health", ops::health, Access.PUBLIC);
                    get("/ready", ops::ready, Access.PUBLIC);
                    get("/metrics", ops::metrics, Access.PUBLIC);
                    get("/login", pages::login, Access.PUBLIC);
                    get("/assets/{name}", pages::asset, Access.PUBLIC);
                    post("/api/login", auth::login, Access.PUBLIC);
                    get("/", pages::app, Role.OFFICER);
                    post("/api/logout", auth::logout, Role.OFFICER);
                    get("/api/session", auth::me, Role.OFFICER);
                    get("/api/alerts", alerts::feed, Role.OFFICER);
                    get("/api/alerts/{id}", alerts::detail, Role.OFFICER);
                    get("/api/alerts/{id}/history", alerts::history, Role.OFFICER);
                    post("/api/alerts/{id}/decisions", alerts::decide, Role.OFFICER);
                    sse("/api/events", live::connect, Role.OFFICER);
                    get("/api/search", search::search, Role.OFFICER);
                    get("/api/export", export::export, Role.OFFICER);
                    get("/api/stats", admin::stats, Role.ANALYST);
                    get("/rules", rules::page, Role.ANALYST);
                    get("/rules/page.js", rules::script, Role.ANALYST);
                    get("/api/rules/stats", rules::stats, Role.ANALYST);
                    get("/api/rules/{id}/alerts", rules::examples, Role.ANALYST);
                    get("/api/audit", admin::audit, Role.ADMIN);
                    get("/api/users", admin::listUsers, Role.ADMIN);
                    post("/api/users", admin::addUser, Role.ADMIN);
                  });
            });
    app.exception(
        ApiException.class,
        (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
    app.exception(
        IllegalArgumentException.class,
        (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
    app.exception(
        ValidationException.class,
        (e, ctx) ->
            ctx.status(400)
                .json(
                    Map.of(
                        "error",
                        e.getErrors().values().stream()
                            .flatMap(List::stream)
                            .map(v -> v.getMessage())
                            .collect(Collectors.joining("; ")))));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Console request {} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500).json(Map.of("error", "Internal error; the console log has the details"));
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null) {
            ctx.json(Map.of("error", "Not found: " + ctx.path()));
          }
        });
    app.events(events -> events.serverStopped(live::close));
    return app;
  }
}

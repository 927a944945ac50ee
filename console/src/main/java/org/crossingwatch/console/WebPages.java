package org.crossingwatch.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The static UI: two HTML pages and their scripts and style sheet, loaded once from the classpath.
 * No build step, no CDN, no inline script or style, so the strict CSP holds.
 */
final class WebPages {
  private static final String BASE = "/org/crossingwatch/console/web/";
  private static final Map<String, String> ASSET_TYPES =
      Map.of(
          "app.js", "text/javascript; charset=utf-8",
          "login.js", "text/javascript; charset=utf-8",
          "app.css", "text/css; charset=utf-8");

  private final Map<String, byte[]> files;

  WebPages() {
    java.util.HashMap<String, byte[]> loaded = new java.util.HashMap<>();
    for (String name : new String[] {"index.html", "login.html", "app.js", "login.js", "app.css"}) {
      loaded.put(name, load(name));
    }
    this.files = Map.copyOf(loaded);
  }

  void app(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(files.get("index.html"));
  }

  void login(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(files.get("login.html"));
  }

  void asset(Context ctx) {
    String name = ctx.pathParam("name");
    String type = ASSET_TYPES.get(name);
    if (type == null) {
      throw new ApiException(404, "No asset '" + name + "'");
    }
    ctx.contentType(type).result(files.get(name));
  }

  private static byte[] load(String name) {
    try (InputStream in = WebPages.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("Console resource missing: " + BASE + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read console resource " + BASE + name, e);
    }
  }
}

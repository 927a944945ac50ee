package org.crossingwatch.collectors.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on 127.0.0.1 and a free port serving canned responses by path and query
 * ({@code /s/channel?before=10}). A route answers its queued responses in turn and repeats the last
 * one; unknown routes answer 404. Every request is logged.
 */
public final class FixtureServer implements AutoCloseable {
  /** One canned response; {@code hang} keeps the connection open without answering. */
  public record Response(int status, Map<String, String> headers, byte[] body, boolean hang) {
    public static Response ok(String contentType, byte[] body) {
      return new Response(200, Map.of("Content-Type", contentType), body, false);
    }

    public static Response html(String body) {
      return ok("text/html; charset=utf-8", body.getBytes(UTF_8));
    }

    public static Response status(int status, Map<String, String> headers) {
      return new Response(status, headers, new byte[0], false);
    }

    public static Response hanging() {
      return new Response(200, Map.of(), new byte[0], true);
    }
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Deque<Response>> routes = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> userAgents = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private FixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fixture-server-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FixtureServer start() {
    try {
      return new FixtureServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>} */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public URI uri(String pathAndQuery) {
    return URI.create(baseUri() + pathAndQuery);
  }

  /** Answers {@code pathAndQuery} with these responses in turn, then the last one forever. */
  public FixtureServer route(String pathAndQuery, Response... responses) {
    routes.put(pathAndQuery, new ArrayDeque<>(List.of(responses)));
    return this;
  }

  /** The requests served so far, as path and query. */
  public List<String> requests() {
    return new ArrayList<>(requests);
  }

  public List<String> userAgents() {
    return new ArrayList<>(userAgents);
  }

  /** The text of a test resource, such as {@code fixtures/telegram/channel.html}. */
  public static String resource(String name) {
    return new String(resourceBytes(name), UTF_8);
  }

  public static byte[] resourceBytes(String name) {
    try (InputStream in = FixtureServer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource '" + name + "'");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    requests.add(key);
    String agent = exchange.getRequestHeaders().getFirst("User-Agent");
    userAgents.add(agent == null ? "" : agent);
    Deque<Response> queue = routes.get(key);
    Response response;
    if (queue == null) {
      response = Response.status(404, Map.of());
    } else {
      synchronized (queue) {
        response = queue.size() > 1 ? queue.poll() : queue.peek();
      }
    }
    try (exchange) {
      if (response.hang()) {
        try {
          closing.await(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      int length = response.body().length;
      exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
      if (length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}

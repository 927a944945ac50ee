package org.crossingwatch.app.collect;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site on 127.0.0.1 and a free port for collector tests: each path (with its query) answers a
 * canned response, hangs without answering until the site closes, or, when unknown, 404. It counts
 * the requests per path and the requests still hanging.
 */
final class FixtureSite implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private record Answer(int status, String contentType, byte[] body, boolean hang) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Answer> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicInteger hanging = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  private FixtureSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fixture-site-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static FixtureSite start() {
    try {
      return new FixtureSite();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>} */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers {@code pathAndQuery} with {@code body}, from now on. */
  FixtureSite route(String pathAndQuery, int status, String contentType, String body) {
    routes.put(pathAndQuery, new Answer(status, contentType, body.getBytes(UTF_8), false));
    return this;
  }

  /** Never answers {@code pathAndQuery}: the connection stays open until the site closes. */
  FixtureSite hang(String pathAndQuery) {
    routes.put(pathAndQuery, new Answer(0, "", new byte[0], true));
    return this;
  }

  /** How many requests {@code pathAndQuery} received. */
  int requests(String pathAndQuery) {
    AtomicInteger count = requests.get(pathAndQuery);
    return count == null ? 0 : count.get();
  }

  /** Requests received and not answered yet, because their path hangs. */
  int hangingNow() {
    return hanging.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    Answer answer = routes.getOrDefault(key, new Answer(404, "text/plain", new byte[0], false));
    try (exchange) {
      if (answer.hang()) {
        hanging.incrementAndGet();
        try {
          closing.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          hanging.decrementAndGet();
        }
        return;
      }
      if (!answer.contentType().isEmpty()) {
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      }
      int length = answer.body().length;
      exchange.sendResponseHeaders(answer.status(), length == 0 ? -1 : length);
      if (length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }
  }

  /** Releases the hanging requests (their connections close unanswered) and stops. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}

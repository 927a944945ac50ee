package org.crossingwatch.delivery.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 and a free port that records every request and answers with the
 * scripted statuses (then 200), or hangs until closed.
 */
public final class HttpReceiver implements AutoCloseable {
  /** One received request. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String bodyText() {
      return new String(body, UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile int defaultStatus = 200;
  private volatile boolean hang;

  private HttpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "test-http-receiver-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static HttpReceiver start() {
    return new HttpReceiver();
  }

  /** Answers the next requests with these statuses, in order, then with the default. */
  public synchronized HttpReceiver thenAnswer(int... codes) {
    for (int code : codes) {
      statuses.add(code);
    }
    return this;
  }

  /** Answers every request with {@code status}. */
  public HttpReceiver alwaysAnswer(int status) {
    defaultStatus = status;
    return this;
  }

  /** Never answers until closed. */
  public HttpReceiver hang() {
    hang = true;
    return this;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The requests answered with 2xx, in arrival order. */
  public List<Request> accepted() {
    return List.copyOf(requests);
  }

  /** Every request received, answered or not. */
  public int attempts() {
    return attempts.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    attempts.incrementAndGet();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (hang) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    int status;
    synchronized (this) {
      status = statuses.isEmpty() ? defaultStatus : statuses.poll();
    }
    if (status >= 200 && status < 300) {
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              Map.copyOf(exchange.getRequestHeaders()),
              body));
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}

package org.crossingwatch.app.deliver;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crossingwatch.delivery.webhook.WebhookSignature;

/**
 * A webhook receiver on 127.0.0.1 that checks every signature like a real receiver would, records
 * the delivery ids it accepted, and answers a fixed status.
 */
public final class SignedWebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final byte[] secret;
  private final int status;
  private final List<String> deliveries = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  public SignedWebhookReceiver(String secret, int status) throws IOException {
    this.secret = secret.getBytes(UTF_8);
    this.status = status;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/cw";
  }

  /** Delivery ids of the accepted webhooks, in arrival order. */
  public List<String> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Requests whose signature did not verify. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String id = exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER);
    boolean valid =
        WebhookSignature.verify(
            secret,
            exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
            body,
            exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
            Instant.now(),
            Duration.ofMinutes(5));
    if (!valid) {
      refused.add(id);
      exchange.sendResponseHeaders(401, -1);
    } else {
      if (status == 200) {
        deliveries.add(id);
      }
      exchange.sendResponseHeaders(status, -1);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package org.crossingwatch.console;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.model.Json;

/**
 * Pushes every alert change to every open feed as a Server-Sent Event {@code alert} whose data is
 * the alert's summary. Sends happen on one named thread, so a slow browser never holds up the topic
 * reader; a comment every 15 s keeps proxies from closing idle streams and finds dead clients.
 */
final class LiveFeed implements AutoCloseable {
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "cw-console-live-feed");
            t.setDaemon(true);
            return t;
          });
  private final AlertStore store;

  LiveFeed(AlertStore store) {
    this.store = store;
    store.onChange(id -> sender.execute(() -> broadcast(id)));
    sender.scheduleAtFixedRate(this::ping, 15, 15, TimeUnit.SECONDS);
  }

  void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    client.sendEvent("hello", Json.write(Map.of("clients", clients.size())));
  }

  private void broadcast(String alertId) {
    store
        .alert(alertId)
        .ifPresent(
            record -> {
              String data = Json.write(AlertJson.summary(record, store));
              for (SseClient client : clients) {
                client.sendEvent("alert", data);
              }
            });
    clients.removeIf(SseClient::terminated);
  }

  private void ping() {
    for (SseClient client : clients) {
      client.sendComment("ping");
    }
    clients.removeIf(SseClient::terminated);
  }

  @Override
  public void close() {
    sender.shutdownNow();
    for (SseClient client : clients) {
      client.close();
    }
  }
}

package org.crossingwatch.app.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;
import org.crossingwatch.app.topics.TopicPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crossingwatch collect} serves /health, /ready and /metrics like every other role. */
class CollectRoleEndpointsTest {
  @TempDir Path dir;

  @Test
  void collectRoleServesHealthReadinessAndItsCollectorMetrics() throws Exception {
    Files.writeString(
        dir.resolve("posts.jsonl"),
        "{\"platform\":\"telegram\",\"channel\":\"ops_test\",\"externalId\":\"1\","
            + "\"text\":\"Passage en Angleterre, garanti\"}\n",
        UTF_8);
    Path config = dir.resolve("collectors.yaml");
    Files.writeString(
        config,
        "evidenceDir: "
            + dir.resolve("evidence")
            + "\nsources:\n  - type: jsonl\n    name: replay\n    path: "
            + dir.resolve("posts.jsonl")
            + "\n",
        UTF_8);
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        TopicPlan.standard(1, (short) 1).apply(admin);
      }
      CollectCommand command = new CollectCommand();
      CommandLine cli =
          new CommandLine(command)
              .setOut(new PrintWriter(new StringWriter()))
              .setErr(new PrintWriter(new StringWriter()));
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  cli.execute(
                      "--config", config.toString(),
                      "--bootstrap-servers", broker.bootstrapServers(),
                      "--http-port", String.valueOf(port)));
      HttpClient http = HttpClient.newHttpClient();
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .untilAsserted(
                () -> {
                  assertThat(get(http, port, "/health").statusCode()).isEqualTo(200);
                  assertThat(get(http, port, "/ready").body())
                      .isEqualTo("{\"status\":\"UP\",\"checks\":{\"collectors\":\"UP\"}}");
                  assertThat(get(http, port, "/metrics").body())
                      .contains(
                          "crossingwatch_collector_posts_published_total{source=\"jsonl:replay\"}"
                              + " 1.0")
                      .contains("jvm_memory_used_bytes");
                });
      } finally {
        command.stop();
      }
      assertThat(exit.get()).isZero();
    }
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString(UTF_8));
  }
}

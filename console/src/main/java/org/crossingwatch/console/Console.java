package org.crossingwatch.console;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Users;
import org.crossingwatch.console.kafka.KafkaEventSink;
import org.crossingwatch.console.kafka.TopicReader;
import org.crossingwatch.console.rulestats.RuleDecisionMeters;
import org.crossingwatch.console.search.SearchIndex;
import org.crossingwatch.console.view.AlertStore;

/**
 * A running officers' console: reads {@code cw.alerts}, {@code cw.feedback} and {@code cw.audit}
 * from their beginning into memory and a Lucene index on disk, writes decisions and audit events
 * with an idempotent producer, and serves the UI and API on {@code settings.host():port}. One call
 * starts it, {@link #close()} stops everything it started.
 *
 * <pre>{@code
 * try (Console console = Console.start(ConsoleSettings.defaults(dataDir), "localhost:9092",
 *     registry, List.of())) {
 *   System.out.println("Console on http://127.0.0.1:" + console.port());
 *   ...
 * }
 * }</pre>
 */
public final class Console implements AutoCloseable {
  private final Javalin app;
  private final TopicReader reader;
  private final KafkaEventSink sink;
  private final SearchIndex index;

  private Console(Javalin app, TopicReader reader, KafkaEventSink sink, SearchIndex index) {
    this.app = app;
    this.reader = reader;
    this.sink = sink;
    this.index = index;
  }

  /**
   * Starts a console. {@code /ready} reports the given checks plus {@code console-view}, which
   * passes once the topics have been read up to where they were at start.
   *
   * @param settings where to listen and where the users file and index live
   * @param bootstrapServers the Kafka cluster
   * @param registry the registry {@code /metrics} renders; the console adds its own meters
   * @param checks further readiness checks (for example the broker's)
   * @throws IllegalArgumentException when the users file is invalid
   * @throws java.io.UncheckedIOException when the index folder cannot be used
   */
  public static Console start(
      ConsoleSettings settings,
      String bootstrapServers,
      PrometheusMeterRegistry registry,
      List<ReadinessCheck> checks) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(registry, "registry");
    Users users = Users.load(settings.usersFile(), new PasswordHasher());
    SearchIndex index = SearchIndex.open(settings.indexDir());
    AlertStore store = new AlertStore();
    KafkaEventSink sink = null;
    TopicReader reader = null;
    try {
      sink = new KafkaEventSink(bootstrapServers, settings.topics());
      AtomicReference<TopicReader> started = new AtomicReference<>();
      RuleDecisionMeters.bind(
          store, registry, () -> started.get() != null && started.get().caughtUp());
      reader = TopicReader.start(bootstrapServers, settings.topics(), store, index, registry);
      started.set(reader);
      List<ReadinessCheck> all = new ArrayList<>(checks);
      all.add(new ReadinessCheck("console-view", reader::caughtUp));
      Javalin app =
          ConsoleServer.create(
              settings,
              registry,
              all,
              new ConsoleServices(users, store, index, sink, Clock.systemUTC()));
      app.start(settings.host(), settings.port());
      return new Console(app, reader, sink, index);
    } catch (RuntimeException e) {
      if (reader != null) {
        reader.close();
      }
      if (sink != null) {
        sink.close();
      }
      index.close();
      throw e;
    }
  }

  /** The port the console listens on (the chosen one when settings asked for port 0). */
  public int port() {
    return app.port();
  }

  /** True once the view holds everything that was on the topics at start. */
  public boolean caughtUp() {
    return reader.caughtUp();
  }

  /** Stops the web server, the topic reader, the producer and the index, in that order. */
  @Override
  public void close() {
    app.stop();
    reader.close();
    sink.close();
    index.close();
  }
}

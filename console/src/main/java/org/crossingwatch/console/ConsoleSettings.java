package org.crossingwatch.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.console.kafka.ConsoleTopics;

/**
 * How a console runs. {@link #defaults(Path)} gives the documented defaults; the {@code with...}
 * methods change one field.
 *
 * @param host the address to listen on (default {@code 127.0.0.1})
 * @param port the port (default 8080; 0 picks a free one)
 * @param usersFile the users file (default {@code <data-dir>/console/users.yaml})
 * @param indexDir the search index folder (default {@code <data-dir>/console/index})
 * @param warcDir where collectors keep WARC captures named {@code <sha256>.warc.gz}; empty if none
 * @param topics the topics read and written (default {@code cw.alerts}, {@code cw.feedback}, {@code
 *     cw.audit})
 * @param secureCookies whether the session cookie carries {@code Secure} (set it behind HTTPS)
 * @param sessionIdleTimeout how long an unused session lives (default 8 hours, one shift)
 */
public record ConsoleSettings(
    String host,
    int port,
    Path usersFile,
    Path indexDir,
    Optional<Path> warcDir,
    ConsoleTopics topics,
    boolean secureCookies,
    Duration sessionIdleTimeout) {

  /** The port the console listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 8080;

  public ConsoleSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(usersFile, "usersFile");
    Objects.requireNonNull(indexDir, "indexDir");
    Objects.requireNonNull(warcDir, "warcDir");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Console port must be 0..65535, was " + port);
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("Console host must not be blank");
    }
    if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "Session idle timeout must be positive, was " + sessionIdleTimeout);
    }
  }

  /** The defaults for a data folder: loopback, port 8080, files under {@code <dataDir>/console}. */
  public static ConsoleSettings defaults(Path dataDir) {
    Path console = Objects.requireNonNull(dataDir, "dataDir").resolve("console");
    return new ConsoleSettings(
        "127.0.0.1",
        DEFAULT_PORT,
        console.resolve("users.yaml"),
        console.resolve("index"),
        Optional.empty(),
        ConsoleTopics.standard(),
        false,
        Duration.ofHours(8));
  }

  public ConsoleSettings withHost(String newHost) {
    return new ConsoleSettings(
        newHost, port, usersFile, indexDir, warcDir, topics, secureCookies, sessionIdleTimeout);
  }

  public ConsoleSettings withPort(int newPort) {
    return new ConsoleSettings(
        host, newPort, usersFile, indexDir, warcDir, topics, secureCookies, sessionIdleTimeout);
  }

  public ConsoleSettings withUsersFile(Path file) {
    return new ConsoleSettings(
        host, port, file, indexDir, warcDir, topics, secureCookies, sessionIdleTimeout);
  }

  public ConsoleSettings withWarcDir(Path dir) {
    return new ConsoleSettings(
        host,
        port,
        usersFile,
        indexDir,
        Optional.of(dir),
        topics,
        secureCookies,
        sessionIdleTimeout);
  }

  public ConsoleSettings withTopics(ConsoleTopics newTopics) {
    return new ConsoleSettings(
        host, port, usersFile, indexDir, warcDir, newTopics, secureCookies, sessionIdleTimeout);
  }

  public ConsoleSettings withSecureCookies(boolean secure) {
    return new ConsoleSettings(
        host, port, usersFile, indexDir, warcDir, topics, secure, sessionIdleTimeout);
  }
}

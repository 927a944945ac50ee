package org.crossingwatch.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.crossingwatch.app.broker.EmbeddedKafkaBroker;

/** The shared test cluster backed by an {@link EmbeddedKafkaBroker} on a temporary directory. */
final class EmbeddedKafkaCluster implements SharedKafkaCluster {
  private final FatalFaultGuard guard;
  private final Path dataDir;
  private final EmbeddedKafkaBroker broker;

  private EmbeddedKafkaCluster(FatalFaultGuard guard, Path dataDir, EmbeddedKafkaBroker broker) {
    this.guard = guard;
    this.dataDir = dataDir;
    this.broker = broker;
  }

  static EmbeddedKafkaCluster start() {
    FatalFaultGuard guard = FatalFaultGuard.install();
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("crossingwatch-test-kafka-");
    } catch (IOException e) {
      guard.close();
      throw new UncheckedIOException("Could not create the test broker's data directory", e);
    }
    try {
      return new EmbeddedKafkaCluster(guard, dataDir, EmbeddedKafkaBroker.start(dataDir));
    } catch (RuntimeException e) {
      guard.close();
      throw e;
    }
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() throws IOException {
    try {
      broker.close();
    } finally {
      guard.close();
    }
    deleteRecursively(dataDir);
  }

  @Override
  public String toString() {
    return "embedded " + broker;
  }

  private static void deleteRecursively(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}

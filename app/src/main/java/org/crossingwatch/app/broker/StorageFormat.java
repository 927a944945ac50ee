package org.crossingwatch.app.broker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft data directory exactly as {@code kafka-storage.sh format} does, by running
 * Kafka's own {@link StorageTool} on a temporary copy of the broker settings.
 */
final class StorageFormat {
  static final String META_PROPERTIES = "meta.properties";

  private static final Logger LOG = LoggerFactory.getLogger(StorageFormat.class);

  private StorageFormat() {}

  /** Whether {@code dataDir} already holds a formatted KRaft node. */
  static boolean isFormatted(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve(META_PROPERTIES));
  }

  /**
   * Formats {@code dataDir} for a new cluster with a random cluster id.
   *
   * @param dataDir the (existing) directory named in the settings' {@code log.dirs}
   * @param settings the broker settings the directory will be used with
   * @return the new cluster id
   * @throws IllegalStateException if Kafka's storage tool refuses or fails
   */
  static String format(Path dataDir, Map<String, String> settings) {
    String clusterId = Uuid.randomUuid().toString();
    Path configFile = writeTemporaryConfig(settings);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(output, true, UTF_8)) {
      String[] args = {"format", "--cluster-id", clusterId, "--config", configFile.toString()};
      int status = StorageTool.execute(args, out);
      if (status != 0) {
        throw new IllegalStateException(
            "Could not format Kafka data directory "
                + dataDir
                + ": kafka-storage format exited with status "
                + status
                + ": "
                + output.toString(UTF_8).strip());
      }
    } catch (RuntimeException e) {
      if (e instanceof IllegalStateException) {
        throw e;
      }
      throw new IllegalStateException(
          "Could not format Kafka data directory " + dataDir + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(configFile);
    }
    LOG.debug("kafka-storage format: {}", output.toString(UTF_8).strip());
    return clusterId;
  }

  private static Path writeTemporaryConfig(Map<String, String> settings) {
    Properties properties = new Properties();
    properties.putAll(settings);
    try {
      Path file = Files.createTempFile("crossingwatch-kafka-format-", ".properties");
      // Properties.store(OutputStream) writes ISO-8859-1 with \\u escapes, which is what
      // Kafka's Utils.loadProps reads back, so non-ASCII data paths survive the round trip.
      try (OutputStream out = Files.newOutputStream(file)) {
        properties.store(out, "CrossingWatch embedded broker, for kafka-storage format only");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the temporary Kafka config for formatting: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete temporary Kafka config {}: {}", file, e.getMessage());
    }
  }
}

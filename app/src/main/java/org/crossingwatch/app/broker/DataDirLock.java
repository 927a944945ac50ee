package org.crossingwatch.app.broker;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of a data directory by one embedded broker, taken before Kafka touches it.
 *
 * <p>Kafka's own {@code .lock} is not enough in combined mode: the KRaft log is opened, and
 * written, before the broker locks the directory, so a second broker on the same directory corrupts
 * the first one's metadata log before it fails. This lock is an OS file lock on {@value #FILE_NAME}
 * (against other processes) plus a set of the directories this JVM holds, checked first, so that no
 * second channel on the lock file is ever opened and closed in this JVM: closing any channel on a
 * file may release every lock the JVM holds on it.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE_NAME = ".crossingwatch.lock";

  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code dataDir}, which must exist.
   *
   * @throws IllegalStateException if another broker, in this JVM or another process, holds it, or
   *     the lock file cannot be written
   */
  static DataDirLock acquire(Path dataDir) {
    Path key;
    try {
      key = dataDir.toRealPath();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not resolve Kafka data directory " + dataDir + ": " + e.getMessage(), e);
    }
    if (!HELD_IN_THIS_JVM.add(key)) {
      throw new IllegalStateException(
          "Kafka data directory " + dataDir + " is in use by another embedded broker in this JVM");
    }
    Path file = key.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, CREATE, WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IllegalStateException(
            "Kafka data directory "
                + dataDir
                + " is in use by another process (it holds the lock on "
                + file
                + ")");
      }
      return new DataDirLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel, e);
      HELD_IN_THIS_JVM.remove(key);
      if (e instanceof IllegalStateException illegalState) {
        throw illegalState;
      }
      throw new IllegalStateException("Could not lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Releases the directory; a second call does nothing. */
  @Override
  public void close() {
    try {
      if (channel.isOpen()) {
        lock.release();
        channel.close();
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not release the lock on " + key.resolve(FILE_NAME) + ": " + e.getMessage(), e);
    } finally {
      HELD_IN_THIS_JVM.remove(key);
    }
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}

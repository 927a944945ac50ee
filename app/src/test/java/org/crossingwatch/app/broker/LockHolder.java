package org.crossingwatch.app.broker;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Holds a data directory's lock from a separate JVM, as a second CrossingWatch process would:
 * prints {@code locked} once it holds it and releases it when its standard input closes.
 */
final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws IOException {
    try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() != -1) {
        // Wait for the parent test to close our standard input.
      }
    }
  }
}

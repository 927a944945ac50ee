package org.crossingwatch.app.ops;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Prometheus's command line tools, found on PATH, and a way to run them. */
final class Tools {
  private Tools() {}

  /** The result of one tool run: exit code and the merged stdout and stderr. */
  record Result(int exitCode, String output) {}

  /**
   * The executable {@code name} on PATH.
   *
   * @throws AssertionError naming the Debian package to install when it is missing
   */
  static Path require(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir).resolve(name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        name
            + " not found on PATH ("
            + path
            + "). Install Debian's Prometheus package: apt-get install -y prometheus");
  }

  /** Runs {@code tool} with {@code args} in {@code dir}, output merged, until it exits. */
  static Result run(Path dir, String tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(require(tool).toString());
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      // A guard against a hung tool, not a performance assertion.
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not exit");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted running " + command, e);
    }
  }
}

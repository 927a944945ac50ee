package org.crossingwatch.classifier.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shipped {@code rules/} and {@code samples/} folders from the module's tests. */
final class ProjectFiles {
  private ProjectFiles() {}

  /** From the system property surefire sets, else the nearest ancestor that has the folder. */
  static Path folder(String property, String name) {
    String configured = System.getProperty(property);
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    throw new IllegalStateException(
        "No '" + name + "' folder above " + Path.of("").toAbsolutePath() + " and no -D" + property);
  }

  static Path rules() {
    return folder("crossingwatch.rules.dir", "rules");
  }

  static Path corpus() {
    return folder("crossingwatch.corpus.dir", "data/corpus");
  }

  static Path samples() {
    return folder("crossingwatch.samples.dir", "samples");
  }
}

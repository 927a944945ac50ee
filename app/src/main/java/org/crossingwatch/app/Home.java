package org.crossingwatch.app;

import java.nio.file.Path;

/**
 * The installation folder that holds the bundled {@code rules/}, {@code samples/} and {@code
 * data/}.
 */
public final class Home {
  /** Set by the launcher script to the checkout; the working directory when absent. */
  public static final String PROPERTY = "crossingwatch.home";

  private Home() {}

  /** The installation folder. */
  public static Path dir() {
    return Path.of(System.getProperty(PROPERTY, "."));
  }
}

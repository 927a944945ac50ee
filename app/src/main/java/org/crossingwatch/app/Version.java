package org.crossingwatch.app;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or {@code development} when run from classes. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = CrossingWatch.class.getPackage().getImplementationVersion();
    return new String[] {"crossingwatch " + (version == null ? "development" : version)};
  }
}

package org.crossingwatch.model;

/**
 * The version every record writes in its {@code schemaVersion} field. Readers accept any version
 * (unknown fields are ignored); a record without the field is read as the current version.
 */
public final class SchemaVersion {
  /** The version this build writes. */
  public static final int CURRENT = 1;

  private SchemaVersion() {}
}

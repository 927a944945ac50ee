package org.crossingwatch.collectors.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;

/**
 * The checkpoint of sources whose items have no order to resume from (feeds, listing pages): the
 * last {@value #KEEP} item ids published, each as the first 12 hex digits of its SHA-256, written
 * {@code seen:<h1>,<h2>,...}. An item is new when its hash is not in the list. Immutable.
 */
public final class SeenIds {
  /** How many ids are remembered; far more than a feed or listing page shows at once. */
  public static final int KEEP = 1000;

  private static final String PREFIX = "seen:";

  private final List<String> hashes;
  private final Set<String> lookup;

  private SeenIds(List<String> hashes) {
    this.hashes = List.copyOf(hashes);
    this.lookup = Set.copyOf(hashes);
  }

  /**
   * Reads a checkpoint; empty means nothing seen.
   *
   * @throws IllegalArgumentException when the checkpoint is not one this class wrote
   */
  public static SeenIds parse(Optional<String> checkpoint, String sourceKind) {
    if (checkpoint.isEmpty()) {
      return new SeenIds(List.of());
    }
    String value = checkpoint.get();
    if (!value.matches("seen:([0-9a-f]{12}(,[0-9a-f]{12})*)?")) {
      throw new IllegalArgumentException(
          sourceKind + " checkpoint '" + value + "' is not of the form 'seen:<hash>,<hash>,...'");
    }
    String list = value.substring(PREFIX.length());
    return new SeenIds(list.isEmpty() ? List.of() : List.of(list.split(",")));
  }

  /** Whether {@code id} was seen. */
  public boolean contains(String id) {
    return lookup.contains(hash(id));
  }

  /** These ids plus {@code ids}, keeping the latest {@value #KEEP}. */
  public SeenIds plus(List<String> ids) {
    LinkedHashSet<String> all = new LinkedHashSet<>(hashes);
    for (String id : ids) {
      String h = hash(id);
      all.remove(h);
      all.add(h);
    }
    List<String> list = new ArrayList<>(all);
    return new SeenIds(list.subList(Math.max(0, list.size() - KEEP), list.size()));
  }

  /** The checkpoint text. */
  public String checkpoint() {
    return PREFIX + String.join(",", hashes);
  }

  private static String hash(String id) {
    return WarcEvidenceStore.sha256Hex(id.getBytes(UTF_8)).substring(0, 12);
  }
}

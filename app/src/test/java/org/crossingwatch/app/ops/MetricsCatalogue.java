package org.crossingwatch.app.ops;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The metric tables of {@code docs/metrics.md}: one {@link Entry} per row. */
final class MetricsCatalogue {
  private static final List<String> HISTOGRAM_SUFFIXES =
      List.of("_bucket", "_count", "_sum", "_max");

  /**
   * One catalogued metric.
   *
   * @param name the Prometheus name, with {@code _total} for counters
   * @param type counter, gauge, histogram or timer
   * @param live whether the code has it today (else planned)
   * @param inReplay whether {@code crossingwatch run} with the samples serves it
   */
  record Entry(String name, String type, boolean live, boolean inReplay) {}

  private final Map<String, Entry> entries;

  private MetricsCatalogue(Map<String, Entry> entries) {
    this.entries = entries;
  }

  static MetricsCatalogue load(Path markdown) {
    List<String> lines;
    try {
      lines = Files.readAllLines(markdown, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String line : lines) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      if (cells.length < 9) {
        continue; // the where-recorded table has two columns
      }
      String name = cells[1].trim().replace("`", "");
      String status = cells[5].trim();
      String replay = cells[6].trim();
      if (!List.of("live", "planned").contains(status) || !List.of("yes", "no").contains(replay)) {
        throw new IllegalStateException(
            markdown + ": row of " + name + " needs status live|planned and replay yes|no");
      }
      entries.put(
          name, new Entry(name, cells[2].trim(), status.equals("live"), replay.equals("yes")));
    }
    return new MetricsCatalogue(entries);
  }

  /** The entry a series name belongs to, resolving histogram and timer suffixes. */
  Optional<Entry> find(String seriesName) {
    Entry direct = entries.get(seriesName);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (String suffix : HISTOGRAM_SUFFIXES) {
      if (seriesName.endsWith(suffix)) {
        Entry base = entries.get(seriesName.substring(0, seriesName.length() - suffix.length()));
        if (base != null && (base.type().equals("histogram") || base.type().equals("timer"))) {
          return Optional.of(base);
        }
      }
    }
    return Optional.empty();
  }

  List<Entry> entries() {
    return List.copyOf(entries.values());
  }
}

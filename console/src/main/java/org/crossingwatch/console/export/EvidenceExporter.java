package org.crossingwatch.console.export;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.Decision;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;

/**
 * Builds the evidence ZIP for one or more alerts: per alert {@code <id>/post.json}, {@code
 * <id>/alert.json}, {@code <id>/triage-history.json}, {@code <id>/audit.json} and, when the
 * collector kept one, {@code <id>/capture.warc.gz} (or {@code .warc}); then {@code summary.html}
 * for people and {@code SHA256SUMS} (the {@code sha256sum -c} format) over every other file.
 * Thread-safe.
 */
public final class EvidenceExporter {
  /** The most alerts one export may hold. */
  public static final int MAX_ALERTS = 500;

  private final AlertStore store;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Optional<Path> warcDir;

  /**
   * @param store where alerts, history and audit come from
   * @param warcDir the folder where collectors keep WARC captures named by the capture's SHA-256
   *     ({@code <sha256>.warc.gz} or {@code <sha256>.warc}); empty when there is none
   */
  public EvidenceExporter(AlertStore store, Optional<Path> warcDir) {
    this.store = Objects.requireNonNull(store, "store");
    this.warcDir = Objects.requireNonNull(warcDir, "warcDir");
  }

  /**
   * Checks that every id is known before anything is written.
   *
   * @throws IllegalArgumentException when there are no ids or too many
   * @throws NoSuchElementException naming the first unknown id
   */
  public List<AlertRecord> resolve(List<String> alertIds) {
    if (alertIds.isEmpty()) {
      throw new IllegalArgumentException("ids must name at least one alert");
    }
    if (alertIds.size() > MAX_ALERTS) {
      throw new IllegalArgumentException(
          "ids may name at most " + MAX_ALERTS + " alerts, named " + alertIds.size());
    }
    return alertIds.stream()
        .distinct()
        .map(
            id ->
                store
                    .alert(id)
                    .orElseThrow(() -> new NoSuchElementException("No alert with id '" + id + "'")))
        .toList();
  }

  /** Writes the ZIP for already resolved alerts to {@code out}, which it does not close. */
  public void write(
      List<AlertRecord> alerts, String exportedBy, Instant exportedAt, OutputStream out)
      throws IOException {
    Map<String, String> sums = new LinkedHashMap<>();
    ZipOutputStream zip = new ZipOutputStream(out, UTF_8);
    for (AlertRecord record : alerts) {
      String id = record.id();
      List<Decision> history = store.history(id);
      List<AuditEvent> audit = store.audit(e -> e.target().equals(id), AlertStore.AUDIT_CAPACITY);
      put(zip, sums, id + "/post.json", json(record.alert().post()));
      put(zip, sums, id + "/alert.json", json(record.alert()));
      put(zip, sums, id + "/triage-history.json", json(history));
      put(zip, sums, id + "/audit.json", json(oldestFirst(audit)));
      Optional<Path> warc = warc(record.alert().post());
      if (warc.isPresent()) {
        String name = warc.get().getFileName().toString().endsWith(".gz") ? "warc.gz" : "warc";
        put(zip, sums, id + "/capture." + name, Files.readAllBytes(warc.get()));
      }
    }
    put(
        zip,
        sums,
        "summary.html",
        SummaryPage.render(alerts, store, exportedBy, exportedAt).getBytes(UTF_8));
    StringBuilder lines = new StringBuilder();
    sums.forEach((name, sum) -> lines.append(sum).append("  ").append(name).append('\n'));
    zip.putNextEntry(new ZipEntry("SHA256SUMS"));
    zip.write(lines.toString().getBytes(UTF_8));
    zip.closeEntry();
    zip.finish();
  }

  private static List<AuditEvent> oldestFirst(List<AuditEvent> newestFirst) {
    List<AuditEvent> copy = new java.util.ArrayList<>(newestFirst);
    java.util.Collections.reverse(copy);
    return copy;
  }

  /**
   * The post's WARC capture: {@code <sha256>.warc.gz} (or {@code .warc}) directly in the folder, or
   * in the collectors' content-addressed layout {@code yyyy/MM/dd/<sha[0..2]>/<sha>/*.warc.gz}
   * under the day the post was collected (see the collectors' {@code WarcEvidenceStore}).
   */
  private Optional<Path> warc(Post post) {
    String sha256 = post.captureSha256().toLowerCase(Locale.ROOT);
    if (warcDir.isEmpty() || !sha256.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    for (String suffix : List.of(".warc.gz", ".warc")) {
      Path candidate = warcDir.get().resolve(sha256 + suffix);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    Path folder =
        warcDir
            .get()
            .resolve(DAY.format(post.collectedAt()))
            .resolve(sha256.substring(0, 2))
            .resolve(sha256);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".warc.gz"))
          .sorted()
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read WARC folder " + folder, e);
    }
  }

  private static byte[] json(Object value) throws JsonProcessingException {
    return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
  }

  private static void put(ZipOutputStream zip, Map<String, String> sums, String name, byte[] bytes)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
    sums.put(name, sha256(bytes));
  }

  /** Lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

package org.crossingwatch.collectors.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Keeps raw HTTP captures as gzipped WARC files (ISO 28500, written with jwarc), one file per
 * distinct capture, addressed by the SHA-256 of the response body:
 *
 * <pre>{@code <dir>/<yyyy>/<mm>/<dd>/<sha256[0..2]>/<sha256>/<sha256(url)[0..16]>.warc.gz}</pre>
 *
 * where the date is the capture's, in UTC. Each file holds a {@code request} record and the {@code
 * response} record concurrent to it; the response's payload is the body whose hash names the folder
 * (its {@code WARC-Payload-Digest} is {@code sha-256}), so a post's {@code captureSha256} and
 * {@code collectedAt} lead straight to the folder, and hashing the payload proves the content. The
 * same body from the same URL on the same day is stored once (the first capture is kept). Files
 * appear atomically: a reader never sees a half-written one. Thread-safe.
 */
public final class WarcEvidenceStore {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  // The HTTP client removes the transfer coding and counts the body itself; recording these would
  // describe bytes the WARC does not hold.
  private static final Set<String> HOP_BY_HOP =
      Set.of("transfer-encoding", "content-length", "connection", "keep-alive");

  private final Path dir;

  private WarcEvidenceStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** A store writing under {@code dir} (created when needed). */
  public static WarcEvidenceStore at(Path dir) {
    return new WarcEvidenceStore(dir);
  }

  /** The root folder. */
  public Path dir() {
    return dir;
  }

  /** The folder that holds every capture of a body with this hash made on that UTC day. */
  public Path folderFor(String sha256, Instant capturedAt) {
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("Not a hex SHA-256: '" + sha256 + "'");
    }
    return dir.resolve(DAY.format(capturedAt)).resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /**
   * Writes {@code capture} unless the same body from the same URL was already stored that day.
   *
   * @return the WARC file holding it
   */
  public Path store(Capture capture) throws IOException {
    Objects.requireNonNull(capture, "capture");
    String sha = sha256Hex(capture.body());
    Path folder = folderFor(sha, capture.capturedAt());
    String name = sha256Hex(capture.uri().toString().getBytes(UTF_8)).substring(0, 16) + ".warc.gz";
    Path file = folder.resolve(name);
    if (Files.exists(file)) {
      return file;
    }
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, ".capture-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
        WarcRequest request = requestRecord(capture);
        writer.write(request);
        writer.write(responseRecord(capture, request.id()));
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // Another fetcher stored the same capture meanwhile: theirs is as good as ours.
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return file;
  }

  private static WarcRequest requestRecord(Capture capture) throws IOException {
    URI uri = capture.uri();
    String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      target += "?" + uri.getRawQuery();
    }
    HttpRequest.Builder http = new HttpRequest.Builder("GET", target);
    http.addHeader("Host", uri.getAuthority());
    addAll(http, capture.requestHeaders());
    return new WarcRequest.Builder(uri).date(capture.capturedAt()).body(http.build()).build();
  }

  private static WarcResponse responseRecord(Capture capture, URI requestId) throws IOException {
    HttpResponse.Builder http =
        new HttpResponse.Builder(capture.status(), HttpReasons.of(capture.status()));
    capture.responseHeaders().entrySet().stream()
        .filter(e -> !HOP_BY_HOP.contains(e.getKey().toLowerCase(Locale.ROOT)))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> e.getValue().forEach(v -> http.addHeader(e.getKey(), v)));
    String type =
        capture.responseHeaders().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("content-type") && !e.getValue().isEmpty())
            .map(e -> e.getValue().get(0))
            .findFirst()
            .orElse("application/octet-stream");
    http.body(MediaType.parseLeniently(type), capture.body());
    return new WarcResponse.Builder(capture.uri())
        .date(capture.capturedAt())
        .concurrentTo(requestId)
        .payloadDigest(
            new WarcDigest("sha-256", HexFormat.of().parseHex(sha256Hex(capture.body()))))
        .body(http.build())
        .build();
  }

  private static void addAll(HttpRequest.Builder http, Map<String, List<String>> headers) {
    headers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> e.getValue().forEach(v -> http.addHeader(e.getKey(), v)));
  }

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}

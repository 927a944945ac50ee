package org.crossingwatch.collectors.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response as fetched and kept as evidence.
 *
 * @param uri the URL requested
 * @param status the HTTP status (2xx or 3xx: other statuses are failures)
 * @param headers the response headers, names in lower case
 * @param body the response body exactly as received (after transfer decoding); not copied, do not
 *     modify
 * @param fetchedAt when the response was received: the capture time of every post read from it
 * @param sha256 hex SHA-256 of {@code body}: the {@code captureSha256} of every post read from it
 * @param warcFile the WARC file holding this response, when it was kept (2xx responses)
 */
public record FetchedPage(
    URI uri,
    int status,
    Map<String, List<String>> headers,
    byte[] body,
    Instant fetchedAt,
    String sha256,
    Optional<Path> warcFile) {

  public FetchedPage {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(warcFile, "warcFile");
    TreeMap<String, List<String>> lower = new TreeMap<>();
    Objects.requireNonNull(headers, "headers")
        .forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(lower);
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body decoded with the charset its {@code Content-Type} declares, else UTF-8. */
  public String text() {
    return new String(body, charset());
  }

  private Charset charset() {
    Optional<String> type = header("content-type");
    if (type.isPresent()) {
      for (String part : type.get().split(";")) {
        String p = part.strip();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").strip());
          } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return UTF_8;
          }
        }
      }
    }
    return UTF_8;
  }
}

package org.crossingwatch.collectors.evidence;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP exchange to keep as evidence.
 *
 * @param uri the URL fetched
 * @param requestHeaders the headers sent
 * @param status the response status
 * @param responseHeaders the response headers received
 * @param body the response body as received (after transfer decoding); not copied
 * @param capturedAt when the response was received
 */
public record Capture(
    URI uri,
    Map<String, List<String>> requestHeaders,
    int status,
    Map<String, List<String>> responseHeaders,
    byte[] body,
    Instant capturedAt) {

  public Capture {
    Objects.requireNonNull(uri, "uri");
    requestHeaders = Map.copyOf(Objects.requireNonNull(requestHeaders, "requestHeaders"));
    responseHeaders = Map.copyOf(Objects.requireNonNull(responseHeaders, "responseHeaders"));
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(capturedAt, "capturedAt");
  }
}

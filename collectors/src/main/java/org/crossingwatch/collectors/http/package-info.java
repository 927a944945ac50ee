/**
 * Polite HTTP fetching for the web sources: per-host rate limit, robots.txt, timeouts, retries
 * honouring {@code Retry-After}, and WARC evidence for every response ({@link
 * org.crossingwatch.collectors.http.HttpFetcher}).
 */
package org.crossingwatch.collectors.http;

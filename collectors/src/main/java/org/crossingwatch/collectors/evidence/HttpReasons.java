package org.crossingwatch.collectors.evidence;

/** Standard reason phrases: the JDK client does not expose the one the server sent. */
final class HttpReasons {
  private HttpReasons() {}

  static String of(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 203 -> "Non-Authoritative Information";
      case 204 -> "No Content";
      case 206 -> "Partial Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      default -> "";
    };
  }
}

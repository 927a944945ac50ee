package org.crossingwatch.console;

/** An HTTP error with a message meant for the user; rendered as {@code {"error": message}}. */
final class ApiException extends RuntimeException {
  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }
}

package org.crossingwatch.stream.parse;

/** A raw record refused before its JSON is read: no value, or more bytes than the limit. */
final class RejectedRecordException extends RuntimeException {
  RejectedRecordException(String message) {
    super(message);
  }
}

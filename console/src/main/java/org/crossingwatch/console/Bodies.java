package org.crossingwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import org.crossingwatch.model.Json;

/** Reads JSON request bodies, turning every mistake into a 400 that says what was expected. */
final class Bodies {
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private Bodies() {}

  static JsonNode object(Context ctx, String example) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "Request body must be at most " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(bytes);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("Body must be a JSON object like " + example);
    }
    return node;
  }

  static String requiredText(JsonNode body, String field, String example) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw ApiException.badRequest("Field '" + field + "' is required, as in " + example);
    }
    return value.asText();
  }

  static Optional<String> optionalText(JsonNode body, String field, int maxLength) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest("Field '" + field + "' must be a string");
    }
    String text = value.asText().strip();
    if (text.length() > maxLength) {
      throw ApiException.badRequest(
          "Field '"
              + field
              + "' must be at most "
              + maxLength
              + " characters, was "
              + text.length());
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}

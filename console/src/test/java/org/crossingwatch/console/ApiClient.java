package org.crossingwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.crossingwatch.model.Json;

/** A logged-in browser for API tests: keeps the session cookie and the CSRF token. */
final class ApiClient {
  static final MediaType JSON = MediaType.get("application/json");

  final HttpClient http;
  final String cookie;
  final String csrf;

  private ApiClient(HttpClient http, String cookie, String csrf) {
    this.http = http;
    this.cookie = cookie;
    this.csrf = csrf;
  }

  static ApiClient login(HttpClient http, String user) {
    try (Response response =
        postJson(http, "/api/login", null, null, loginBody(user, Fixtures.PASSWORD))) {
      assertThat(response.code()).as("login of %s", user).isEqualTo(200);
      String setCookie = response.header("Set-Cookie");
      String cookie = setCookie.substring(0, setCookie.indexOf(';'));
      JsonNode body = Json.mapper().readTree(response.body().string());
      return new ApiClient(http, cookie, body.get("csrfToken").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String loginBody(String user, String password) {
    return Json.write(java.util.Map.of("username", user, "password", password));
  }

  static Response postJson(HttpClient http, String path, String cookie, String csrf, String body) {
    return http.request(
        path,
        b -> {
          b.post(RequestBody.create(body, JSON));
          if (cookie != null) {
            b.header("Cookie", cookie);
          }
          if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
          }
        });
  }

  Response get(String path) {
    return http.request(path, b -> b.header("Cookie", cookie));
  }

  Response post(String path, String body) {
    return postJson(http, path, cookie, csrf, body);
  }

  JsonNode getJson(String path) {
    try (Response response = get(path)) {
      assertThat(response.code()).as("GET %s", path).isEqualTo(200);
      return Json.mapper().readTree(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String body(Response response) {
    try (response) {
      return response.body().string();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

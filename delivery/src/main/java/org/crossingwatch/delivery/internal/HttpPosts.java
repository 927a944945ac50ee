package org.crossingwatch.delivery.internal;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import org.crossingwatch.delivery.DeliveryException;
import org.crossingwatch.delivery.SinkContext;

/**
 * Sends one HTTP request for a sink and turns the outcome into success or a {@link
 * DeliveryException}. Messages name the sink and the status, never the URL: chat webhook URLs are
 * secrets.
 */
public final class HttpPosts {
  private HttpPosts() {}

  /**
   * Sends {@code request} and returns when the receiver answered 2xx.
   *
   * @throws DeliveryException retryable for timeouts, connection failures, 408, 425, 429 and 5xx;
   *     not retryable for other statuses
   */
  public static void send(SinkContext context, HttpRequest request) throws DeliveryException {
    String sink = "sink '" + context.sinkName() + "'";
    HttpResponse<Void> response;
    try {
      response = context.http().send(request, HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      throw new DeliveryException(
          sink + ": no answer within " + context.timeout().toMillis() + " ms", true);
    } catch (IOException e) {
      throw new DeliveryException(
          sink + ": connection failed (" + e.getClass().getSimpleName() + ")", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(sink + ": interrupted while sending", true);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
    throw new DeliveryException(sink + ": HTTP " + status, retryable);
  }

  /** A request builder with the sink's timeout and a JSON content type. */
  public static HttpRequest.Builder json(SinkContext context, java.net.URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(context.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "CrossingWatch-Delivery");
  }
}

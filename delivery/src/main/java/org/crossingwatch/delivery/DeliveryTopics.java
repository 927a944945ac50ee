package org.crossingwatch.delivery;

/**
 * The topic and header names delivery adds to those in {@link org.crossingwatch.model.Topics}.
 * Records on {@link #FAILED} carry the alert JSON as value, the alert id as key and the reason in
 * the headers below.
 */
public final class DeliveryTopics {
  /** Alerts a sink did not accept within the retry budget; key alert id, value Alert JSON. */
  public static final String FAILED = org.crossingwatch.model.Topics.DELIVERY_FAILED;

  /** The default consumer group of the delivery role. */
  public static final String DEFAULT_CONSUMER_GROUP = "crossingwatch-delivery";

  /** Header: the sink that refused the message. */
  public static final String HEADER_SINK = "cw.delivery.sink";

  /** Header: the last error, for example {@code HTTP 503 from sink 'ops-hook'}. */
  public static final String HEADER_REASON = "cw.delivery.reason";

  /** Header: how many attempts were made. */
  public static final String HEADER_ATTEMPTS = "cw.delivery.attempts";

  /** Header: the notification's delivery id. */
  public static final String HEADER_DELIVERY_ID = "cw.delivery.id";

  private DeliveryTopics() {}
}

package org.crossingwatch.classifier.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The closed set of rule categories. A post's score adds one contribution per matched category, so
 * several rules of one category never count twice. The first seven are signs of a smuggling offer
 * (positive weights); the last seven are contexts that argue against one (negative weights).
 */
public enum Category {
  /** A crossing offered as a service: boat trip, "the game", truck or taxi passage. */
  CROSSING_OFFER(false),
  /** Passports, visas, residence permits offered or forged. */
  DOCUMENTS(false),
  /** A price or amount of money. */
  PRICE(false),
  /** A way to get in touch: phone, WhatsApp, Telegram handle, "DM". */
  CONTACT(false),
  /** Payment only after arrival, or through a guarantor/escrow. */
  PAY_ON_ARRIVAL(false),
  /** A route or destination of irregular crossings (Italy, Greece, UK, Libya...). */
  ROUTE(false),
  /** A promise of success: guaranteed, 100%, safe. */
  GUARANTEE(false),
  /** News reporting. */
  NEWS(true),
  /** Police, coast guard, border guard, courts. */
  LAW_ENFORCEMENT(true),
  /** Warnings and information from NGOs and UN agencies. */
  NGO_WARNING(true),
  /** Legitimate travel: scheduled buses, flights, travel agencies, visa appointments. */
  LEGIT_TRAVEL(true),
  /** Legitimate job offers. */
  LEGIT_JOB(true),
  /**
   * Classified ads and leisure: boats, cars and gear for sale or hire, fishing trips. They share
   * the vocabulary (boat, trip, call me) but sell goods, not passages.
   */
  LEGIT_TRADE(true),
  /**
   * The writer speaks as a traveller or a relative, not a seller: a question about a route or a
   * price, a plea for help, a story of a crossing already made.
   */
  PERSONAL(true);

  private final boolean negativeContext;

  Category(boolean negativeContext) {
    this.negativeContext = negativeContext;
  }

  /** The name used in rule files and verdicts, for example {@code crossing_offer}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this category states the offer itself: a crossing or documents. */
  public boolean offer() {
    return this == CROSSING_OFFER || this == DOCUMENTS;
  }

  /** Whether this category is a context that argues against an offer. */
  public boolean negativeContext() {
    return negativeContext;
  }

  /**
   * The category with this {@link #id()}.
   *
   * @return empty when {@code id} names no category
   */
  public static Optional<Category> byId(String id) {
    return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
  }

  /** Every id, comma-separated, for error messages. */
  public static String allIds() {
    return Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", "));
  }
}

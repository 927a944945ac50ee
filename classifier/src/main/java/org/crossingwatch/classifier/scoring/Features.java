package org.crossingwatch.classifier.scoring;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.classifier.rules.Category;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.RuleHit;

/**
 * The features the scoring model weighs, computed from a post's rule hits and entities. Every
 * feature is always present, in {@link #NAMES} order, most of them 0:
 *
 * <ul>
 *   <li>one per {@link Category}, named by its id ({@code crossing_offer}, {@code news}...): the
 *       weight of its strongest matched rule (largest magnitude; negative for negative contexts), 0
 *       when none matched;
 *   <li>entity presence, 1 or 0: {@value #PHONE}, {@value #PRICE_ENTITY}, {@value #HANDLE} (a
 *       messenger handle or a link), {@value #WALLET}, and places by their route role: {@value
 *       #PLACE_DEPARTURE}, {@value #PLACE_TRANSIT}, {@value #PLACE_DESTINATION} (destination or
 *       arrival);
 *   <li>interactions, 1 or 0, where "offer" means a crossing or documents rule of weight at least
 *       {@value #OFFER_WEIGHT} matched (weaker rules only note a boat emoji or the word "visa"):
 *       {@value #OFFER_AND_CONTACT} (a contact rule, phone or handle), {@value #OFFER_AND_PRICE} (a
 *       price rule or price entity), {@value #OFFER_AND_PLACE} (a route rule or a place), {@value
 *       #OFFER_AND_NEGATIVE} (any negative context: an offer quoted in news or a warning);
 *   <li>{@value #CONTACT_WITHOUT_NEGATIVE}, 1 or 0: a phone number or handle in a post where no
 *       negative context matched. Travel agencies, employers and sellers print phone numbers too,
 *       but their posts match a legitimate-business rule; this feature lets the model weigh contact
 *       data in the remaining posts apart from contact data in those.
 * </ul>
 *
 * Stateless.
 */
public final class Features {
  public static final String PHONE = "entity_phone";
  public static final String PRICE_ENTITY = "entity_price";
  public static final String HANDLE = "entity_handle";
  public static final String WALLET = "entity_wallet";
  public static final String PLACE_DEPARTURE = "place_departure";
  public static final String PLACE_TRANSIT = "place_transit";
  public static final String PLACE_DESTINATION = "place_destination";
  public static final String OFFER_AND_CONTACT = "offer_and_contact";
  public static final String OFFER_AND_PRICE = "offer_and_price";
  public static final String OFFER_AND_PLACE = "offer_and_place";
  public static final String OFFER_AND_NEGATIVE = "offer_and_negative";
  public static final String CONTACT_WITHOUT_NEGATIVE = "contact_without_negative";

  /** The weight from which a crossing or documents rule states an offer rather than a topic. */
  public static final double OFFER_WEIGHT = 2.0;

  /** Every feature name, in the order models list them. */
  public static final List<String> NAMES = names();

  private Features() {}

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Category category : Category.values()) {
      names.add(category.id());
    }
    names.addAll(
        List.of(
            PHONE,
            PRICE_ENTITY,
            HANDLE,
            WALLET,
            PLACE_DEPARTURE,
            PLACE_TRANSIT,
            PLACE_DESTINATION,
            OFFER_AND_CONTACT,
            OFFER_AND_PRICE,
            OFFER_AND_PLACE,
            OFFER_AND_NEGATIVE,
            CONTACT_WITHOUT_NEGATIVE));
    return List.copyOf(names);
  }

  /**
   * The feature values of one post.
   *
   * @param hits the matched rules (categories outside {@link Category} are ignored)
   * @param entities the entities found in the post
   * @return every name of {@link #NAMES} with its value, in that order; unmodifiable
   */
  public static Map<String, Double> of(List<RuleHit> hits, List<ExtractedEntity> entities) {
    requireNonNull(hits, "hits");
    requireNonNull(entities, "entities");
    Map<String, Double> values = new LinkedHashMap<>();
    NAMES.forEach(name -> values.put(name, 0.0));
    boolean offer = false;
    boolean negative = false;
    for (RuleHit hit : hits) {
      Optional<Category> category = Category.byId(hit.category());
      if (category.isPresent()) {
        values.merge(hit.category(), hit.weight(), Features::stronger);
        offer |= category.get().offer() && hit.weight() >= OFFER_WEIGHT;
        negative |= category.get().negativeContext();
      }
    }
    for (ExtractedEntity entity : entities) {
      switch (entity.type()) {
        case PHONE -> values.put(PHONE, 1.0);
        case PRICE -> values.put(PRICE_ENTITY, 1.0);
        case HANDLE, LINK -> values.put(HANDLE, 1.0);
        case WALLET -> values.put(WALLET, 1.0);
        case PLACE -> placeRoles(entity, values);
      }
    }
    boolean contactData = values.get(PHONE) > 0 || values.get(HANDLE) > 0;
    values.put(CONTACT_WITHOUT_NEGATIVE, contactData && !negative ? 1.0 : 0.0);
    if (offer) {
      boolean contact = matched(values, Category.CONTACT) || contactData;
      boolean price = matched(values, Category.PRICE) || values.get(PRICE_ENTITY) > 0;
      boolean place =
          matched(values, Category.ROUTE)
              || values.get(PLACE_DEPARTURE) > 0
              || values.get(PLACE_TRANSIT) > 0
              || values.get(PLACE_DESTINATION) > 0;
      values.put(OFFER_AND_CONTACT, contact ? 1.0 : 0.0);
      values.put(OFFER_AND_PRICE, price ? 1.0 : 0.0);
      values.put(OFFER_AND_PLACE, place ? 1.0 : 0.0);
      values.put(OFFER_AND_NEGATIVE, negative ? 1.0 : 0.0);
    }
    return Collections.unmodifiableMap(values);
  }

  private static void placeRoles(ExtractedEntity place, Map<String, Double> values) {
    for (String role : place.attributes().getOrDefault("role", "").split(",")) {
      switch (role.strip()) {
        case "departure" -> values.put(PLACE_DEPARTURE, 1.0);
        case "transit" -> values.put(PLACE_TRANSIT, 1.0);
        case "destination", "arrival" -> values.put(PLACE_DESTINATION, 1.0);
        default -> {
          // a place without a known role says nothing about the route
        }
      }
    }
  }

  private static boolean matched(Map<String, Double> values, Category category) {
    return values.get(category.id()) != 0.0;
  }

  /** The weight of larger magnitude; of two equal magnitudes, the positive one. */
  private static double stronger(double a, double b) {
    return Math.abs(b) > Math.abs(a) || (Math.abs(b) == Math.abs(a) && b > a) ? b : a;
  }
}

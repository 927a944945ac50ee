package org.crossingwatch.classifier.entities;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One gazetteer entry: a place on a known route or a destination country.
 *
 * @param name canonical name in English, as reported in {@link Entity#normalized()}
 * @param country ISO 3166-1 alpha-2 code of the country the place is in
 * @param kind {@code city}, {@code island}, {@code region}, {@code border} or {@code country}
 * @param roles what the place is on the routes: {@code departure}, {@code transit}, {@code
 *     arrival}, {@code destination}
 * @param routes route names such as {@code central-med} or {@code balkans}; empty for countries
 */
record Place(String name, String country, String kind, List<String> roles, List<String> routes) {
  Place {
    requireNonNull(name, "name");
    requireNonNull(country, "country");
    requireNonNull(kind, "kind");
    roles = List.copyOf(roles);
    routes = List.copyOf(routes);
  }

  boolean isDeparture() {
    return roles.contains("departure");
  }
}

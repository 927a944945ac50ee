package org.crossingwatch.classifier;

import java.util.List;
import java.util.Optional;
import org.crossingwatch.model.Rule;

/** Rules written inline by the tests of rule matching. */
public final class TestRules {
  private TestRules() {}

  /** A {@code crossing_offer} rule of weight 1 with no description and no examples. */
  public static Rule offer(String id, String language, String query) {
    return new Rule(
        0, id, language, "crossing_offer", query, 1.0, Optional.empty(), List.of(), List.of());
  }
}

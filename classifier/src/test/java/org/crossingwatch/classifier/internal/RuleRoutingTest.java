package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RuleRoutingTest {
  @Test
  void routesAKeyByTheLanguageOfTheRuleAtItsPosition() {
    RuleKeys keys = RuleKeys.forCount(5);
    RuleRouting routing = new RuleRouting(keys, 5);
    routing.set(0, "ar");
    routing.set(1, "fr");
    routing.set(2, "any");
    routing.set(4, "ar");

    Predicate<String> arabicPost = routing.keysRoutedTo(Set.of("ar", "any", "ps"));
    Predicate<String> frenchPost = routing.keysRoutedTo(List.of("fr"));

    assertThat(List.of("0", "1", "2", "3", "4"))
        .filteredOn(arabicPost)
        .containsExactly("0", "2", "4");
    assertThat(List.of("0", "1", "2", "3", "4")).filteredOn(frenchPost).containsExactly("1");
  }
}

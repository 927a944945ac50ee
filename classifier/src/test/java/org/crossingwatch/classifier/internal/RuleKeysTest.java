package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleKeysTest {
  @Test
  void keysAreBase36PositionsOfOneWidthThatSortAsThePositionsDo() {
    RuleKeys keys = RuleKeys.forCount(10_000);
    List<String> some = new ArrayList<>();
    for (int position : new int[] {0, 9, 10, 35, 36, 1295, 1296, 9999}) {
      some.add(keys.of(position));
    }

    assertThat(some).containsExactly("000", "009", "00a", "00z", "010", "0zz", "100", "7pr");
    assertThat(some).isSorted();
    assertThat(some).allSatisfy(key -> assertThat(keys.of(keys.positionOf(key))).isEqualTo(key));
    assertThat(keys.positionOf("7pr")).isEqualTo(9999);
  }

  @Test
  void oneRuleOrNoneNeedsOneCharacter() {
    assertThat(RuleKeys.forCount(0).of(0)).isEqualTo("0");
    assertThat(RuleKeys.forCount(1).of(0)).isEqualTo("0");
    assertThat(RuleKeys.forCount(37).of(36)).isEqualTo("10");
  }

  @Test
  void rejectsPositionsAndKeysOutsideTheWidth() {
    RuleKeys keys = RuleKeys.forCount(36);

    assertThatThrownBy(() -> keys.of(36))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("position 36 does not fit in 1 base-36 digits");
    assertThatThrownBy(() -> keys.positionOf("gen.fr.12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'gen.fr.12' is not a rule key of width 1");
    assertThatThrownBy(() -> keys.positionOf("_"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'_' is not a base-36 rule key");
  }
}

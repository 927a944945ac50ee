package org.crossingwatch.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.crossingwatch.model.Json;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  @Test
  void checkpointIsSmallJsonThatRoundTrips() {
    Checkpoint checkpoint =
        new Checkpoint(
            "jsonl:posts.jsonl", "byte=2048,line=17", Instant.parse("2026-11-02T10:00:00Z"), 16);

    String json = Json.write(checkpoint);

    assertThat(json)
        .isEqualTo(
            "{\"sourceId\":\"jsonl:posts.jsonl\",\"position\":\"byte=2048,line=17\","
                + "\"updatedAt\":\"2026-11-02T10:00:00Z\",\"postsPublished\":16}");
    assertThat(Json.read(json, Checkpoint.class)).isEqualTo(checkpoint);
  }

  @Test
  void aNegativePostCountIsRefusedWithTheValue() {
    assertThatThrownBy(() -> new Checkpoint("s", "p", Instant.EPOCH, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'postsPublished' in Checkpoint must be >= 0, got -1");
  }

  @Test
  void problemReasonsMustBeBoundedKebabCaseTags() {
    assertThatThrownBy(() -> new Problem("posts.jsonl:3", "Bad JSON!", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Problem reason must be kebab-case like 'invalid-post', got 'Bad JSON!'");
  }

  @Test
  void aBatchCopiesItsListsAndNeedsACheckpoint() {
    assertThat(new Batch(List.of(), List.of(), "byte=0,line=1", true).isEmpty()).isTrue();
    assertThatThrownBy(() -> new Batch(List.of(), List.of(), " ", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Batch checkpoint must not be blank: ' '");
  }
}

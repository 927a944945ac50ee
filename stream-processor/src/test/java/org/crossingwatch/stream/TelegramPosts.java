package org.crossingwatch.stream;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.model.Post;

/** Test posts as the Telegram collector publishes them, for the topology tests. */
final class TelegramPosts {
  private TelegramPosts() {}

  /** A post of channel {@code channel} with its t.me link and a fixed capture hash. */
  static Post post(String channel, String id, String text, Instant collectedAt) {
    return new Post(
        1,
        null,
        "telegram",
        channel,
        id,
        Optional.of("https://t.me/" + channel + "/" + id),
        Optional.empty(),
        text,
        Optional.empty(),
        Optional.empty(),
        collectedAt,
        List.of(),
        Optional.empty(),
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  }
}
